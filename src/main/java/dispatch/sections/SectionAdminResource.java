package dispatch.sections;

import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import dispatch.sections.api.SectionRequest;
import dispatch.sections.api.SectionResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/api/v1/admin/sections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
public class SectionAdminResource {

    private final SectionService sections;
    private final SectionMapper views;
    private final CurrentUser user;

    SectionAdminResource(SectionService sections, SectionMapper views, CurrentUser user) {
        this.sections = sections;
        this.views = views;
        this.user = user;
    }

    @POST
    public Response create(@Valid @NotNull SectionRequest request) {
        Section section = sections.create(request, user.actor());
        return Response.created(URI.create("/api/v1/sections/" + section.slug)).entity(views.response(section.slug)).build();
    }

    @PUT
    @Path("{slug}")
    public SectionResponse replace(@PathParam("slug") String slug, @Valid @NotNull SectionRequest request) {
        return views.response(sections.replace(slug, request, user.actor()).slug);
    }

    @DELETE
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        sections.delete(slug, user.actor());
        return Response.noContent().build();
    }
}
