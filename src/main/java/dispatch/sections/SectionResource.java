package dispatch.sections;

import dispatch.common.http.Representations;
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
    private final Representations representations;
    private final SectionMapper mapper;

    SectionResource(SectionTree sections, Representations representations, SectionMapper mapper) {
        this.sections = sections;
        this.representations = representations;
        this.mapper = mapper;
    }

    @GET
    public Response tree(@Context HttpHeaders headers) {
        return representations.ok(headers, Map.of("items", sections.tree()), null).build();
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        SectionResponse body = mapper.response(slug);
        return representations.ok(headers, body, sections.bySlug(slug).map(s -> s.updatedAt).orElse(null)).build();
    }
}
