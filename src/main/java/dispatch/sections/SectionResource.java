package dispatch.sections;

import dispatch.common.http.CacheKeys;
import dispatch.common.http.ResponseCache;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import dispatch.sections.api.SectionResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

@Path("/api/v1/sections")
@Produces(MediaType.APPLICATION_JSON)
public class SectionResource {

    private final SectionTree sections;
    private final ResponseCache cache;
    private final SectionMapper mapper;

    SectionResource(SectionTree sections, ResponseCache cache, SectionMapper mapper) {
        this.sections = sections;
        this.cache = cache;
        this.mapper = mapper;
    }

    @GET
    public Response tree(@Context HttpHeaders headers, @Context UriInfo uri) {
        return cache.serve(uri, headers, "taxonomy", "", () -> cache.rendered(Map.of("items", sections.tree()), null, Set.of(CacheKeys.SECTIONS)));
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        return cache.serve(uri, headers, "taxonomy", "", () -> {
            SectionResponse body = mapper.response(slug);
            return cache.rendered(body, sections.bySlug(slug).map(s -> s.updatedAt).orElse(null), Set.of(CacheKeys.SECTIONS));
        });
    }
}
