package dispatch.tags;

import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import dispatch.tags.api.TagRequest;
import dispatch.tags.api.TagResponse;
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

@Path("/api/v1/admin/tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
public class TagAdminResource {

    private final TagService tags;
    private final TagResource views;
    private final CurrentUser user;

    TagAdminResource(TagService tags, TagResource views, CurrentUser user) {
        this.tags = tags;
        this.views = views;
        this.user = user;
    }

    @POST
    public Response create(@Valid @NotNull TagRequest request) {
        Tag tag = tags.create(request, user.actor());
        return Response.created(URI.create("/api/v1/tags/" + tag.slug)).entity(views.toResponse(tag)).build();
    }

    @PUT
    @Path("{slug}")
    public TagResponse replace(@PathParam("slug") String slug, @Valid @NotNull TagRequest request) {
        return views.toResponse(tags.replace(slug, request, user.actor()));
    }

    @DELETE
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        tags.delete(slug, user.actor());
        return Response.noContent().build();
    }
}
