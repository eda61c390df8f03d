package dispatch.authors;

import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import dispatch.authors.api.AuthorRequest;
import dispatch.authors.api.AuthorResponse;
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

@Path("/api/v1/admin/authors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
public class AuthorAdminResource {

    private final AuthorService authors;
    private final AuthorResource views;
    private final CurrentUser user;

    AuthorAdminResource(AuthorService authors, AuthorResource views, CurrentUser user) {
        this.authors = authors;
        this.views = views;
        this.user = user;
    }

    @POST
    public Response create(@Valid @NotNull AuthorRequest request) {
        Author author = authors.create(request, user.actor());
        return Response.created(URI.create("/api/v1/authors/" + author.slug)).entity(views.toResponse(author)).build();
    }

    @PUT
    @Path("{slug}")
    public AuthorResponse replace(@PathParam("slug") String slug, @Valid @NotNull AuthorRequest request) {
        return views.toResponse(authors.replace(slug, request, user.actor()));
    }

    @DELETE
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        authors.delete(slug, user.actor());
        return Response.noContent().build();
    }
}
