package dispatch.tags;

import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.http.Representations;
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
    private final Representations representations;
    private final NewsConfig config;

    TagResource(TagRepository tags, Representations representations, NewsConfig config) {
        this.tags = tags;
        this.representations = representations;
        this.config = config;
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        SlugPaging paging = SlugPaging.parse(q, cursor, limit);
        Page<TagResponse> page = paging.page(tags.listPage(paging.prefix(), paging.afterSlug(), paging.limit() + 1),
                tag -> tag.slug, this::toResponse);
        return representations.ok(headers, page, null).header("Link", SlugPaging.linkHeader(config.apiUrl(), uri, page)).build();
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Tag tag = tags.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No tag with slug '" + slug + "'"));
        return representations.ok(headers, toResponse(tag), tag.updatedAt).build();
    }

    TagResponse toResponse(Tag tag) {
        String api = Links.trimSlash(config.apiUrl());
        return new TagResponse(tag.slug, tag.name, tag.description,
                new TagResponse.Links(api + "/api/v1/tags/" + tag.slug, api + "/api/v1/articles?tag=" + tag.slug));
    }
}
