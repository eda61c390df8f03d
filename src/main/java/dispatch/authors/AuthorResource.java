package dispatch.authors;

import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.http.CacheKeys;
import dispatch.common.http.ResponseCache;
import java.util.Set;
import dispatch.common.http.SlugPaging;
import dispatch.authors.api.AuthorResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/authors")
@Produces(MediaType.APPLICATION_JSON)
public class AuthorResource {

    private final AuthorRepository authors;
    private final ResponseCache cache;
    private final NewsConfig config;

    AuthorResource(AuthorRepository authors, ResponseCache cache, NewsConfig config) {
        this.authors = authors;
        this.cache = cache;
        this.config = config;
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        SlugPaging paging = SlugPaging.parse(q, cursor, limit);
        return cache.serve(uri, headers, "taxonomy", "", () -> {
            Page<AuthorResponse> page = paging.page(authors.listPage(paging.prefix(), paging.afterSlug(), paging.limit() + 1),
                    author -> author.slug, this::toResponse);
            ResponseCache.Rendered rendered = cache.rendered(page, null, Set.of(CacheKeys.AUTHORS));
            String link = SlugPaging.linkHeader(config.apiUrl(), uri, page);
            return link == null ? rendered : rendered.withHeader("Link", link);
        });
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cache.serve(uri, headers, "taxonomy", "", () -> {
            Author author = authors.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No author with slug '" + slug + "'"));
            return cache.rendered(toResponse(author), author.updatedAt, Set.of(CacheKeys.AUTHORS, CacheKeys.author(slug)));
        });
    }

    AuthorResponse toResponse(Author author) {
        String api = Links.trimSlash(config.apiUrl());
        return new AuthorResponse(author.slug, author.name, author.bio, author.avatarUrl,
                new AuthorResponse.Links(api + "/api/v1/authors/" + author.slug, api + "/api/v1/articles?author=" + author.slug,
                        Links.authorPage(config.siteUrl(), author.slug)));
    }
}
