package dispatch.sections;

import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.ProblemException;
import dispatch.common.http.Representations;
import dispatch.sections.api.SectionRef;
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
import java.util.stream.Collectors;

@Path("/api/v1/sections")
@Produces(MediaType.APPLICATION_JSON)
public class SectionResource {

    private final SectionTree sections;
    private final Representations representations;
    private final NewsConfig config;

    SectionResource(SectionTree sections, Representations representations, NewsConfig config) {
        this.sections = sections;
        this.representations = representations;
        this.config = config;
    }

    @GET
    public Response tree(@Context HttpHeaders headers) {
        return representations.ok(headers, Map.of("items", sections.tree()), null).build();
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Section section = sections.bySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("No section with slug '" + slug + "'"));
        var path = sections.path(section);
        String api = Links.trimSlash(config.apiUrl());
        SectionResponse body = new SectionResponse(section.slug, section.name, section.description, path,
                sections.parentOf(section).map(p -> new SectionRef.PathItem(p.slug, p.name)).orElse(null),
                sections.childrenOf(section).stream().map(c -> new SectionRef.PathItem(c.slug, c.name)).toList(),
                new SectionResponse.Links(api + "/api/v1/sections/" + section.slug, api + "/api/v1/articles?section=" + section.slug,
                        Links.trimSlash(config.siteUrl()) + "/" + path.stream().map(SectionRef.PathItem::slug).collect(Collectors.joining("/"))));
        return representations.ok(headers, body, section.updatedAt).build();
    }
}
