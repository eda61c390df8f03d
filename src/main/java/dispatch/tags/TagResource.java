package dispatch.tags;

import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.http.CacheKeys;
import dispatch.common.http.ResponseCache;
import java.util.Set;
import dispatch.common.http.SlugPaging;
import dispatch.tags.api.TagResponse;
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

@Path("/api/v1/tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagResource {

    private final TagRepository tags;
    private final ResponseCache cache;
    private final NewsConfig config;

    TagResource(TagRepository tags, ResponseCache cache, NewsConfig config) {
        this.tags = tags;
        this.cache = cache;
        this.config = config;
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        SlugPaging paging = SlugPaging.parse(q, cursor, limit);
        return cache.serve(uri, headers, "taxonomy", "", () -> {
            Page<TagResponse> page = paging.page(tags.listPage(paging.prefix(), paging.afterSlug(), paging.limit() + 1),
                    tag -> tag.slug, this::toResponse);
            ResponseCache.Rendered rendered = cache.rendered(page, null, Set.of(CacheKeys.TAGS));
            String link = SlugPaging.linkHeader(config.apiUrl(), uri, page);
            return link == null ? rendered : rendered.withHeader("Link", link);
        });
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cache.serve(uri, headers, "taxonomy", "", () -> {
            Tag tag = tags.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No tag with slug '" + slug + "'"));
            return cache.rendered(toResponse(tag), tag.updatedAt, Set.of(CacheKeys.TAGS, CacheKeys.tag(slug)));
        });
    }

    TagResponse toResponse(Tag tag) {
        String api = Links.trimSlash(config.apiUrl());
        return new TagResponse(tag.slug, tag.name, tag.description,
                new TagResponse.Links(api + "/api/v1/tags/" + tag.slug, api + "/api/v1/articles?tag=" + tag.slug));
    }
}
