package dispatch.collections;

import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import dispatch.collections.api.CollectionRequest;
import dispatch.collections.api.EditorialCollection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

@Path("/api/v1/admin/collections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
public class CollectionAdminResource {

    private final CollectionService collections;
    private final CurrentUser user;

    CollectionAdminResource(CollectionService collections, CurrentUser user) {
        this.collections = collections;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CollectionRequest request) {
        EditorialCollection collection = collections.create(request, user.actor());
        return Response.created(URI.create("/api/v1/admin/collections/" + collection.slug())).entity(collection).build();
    }

    @GET
    public Map<String, List<EditorialCollection>> list() {
        return Map.of("items", collections.list());
    }

    @GET
    @Path("{slug}")
    public EditorialCollection get(@PathParam("slug") String slug) {
        return collections.get(slug);
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public EditorialCollection replace(@PathParam("slug") String slug, @Valid @NotNull CollectionRequest request) {
        return collections.replace(slug, request, user.actor());
    }

    @DELETE
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        collections.delete(slug, user.actor());
        return Response.noContent().build();
    }
}
