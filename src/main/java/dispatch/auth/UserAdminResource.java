package dispatch.auth;

import dispatch.auth.api.UserCreateRequest;
import dispatch.auth.api.UserResponse;
import dispatch.auth.api.UserUpdateRequest;
import dispatch.common.http.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

@Path("/api/v1/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserAdminResource {

    private final UserService users;
    private final CurrentUser current;

    UserAdminResource(UserService users, CurrentUser current) {
        this.users = users;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull UserCreateRequest request) {
        UserResponse user = users.create(request, current.actor());
        return Response.created(URI.create("/api/v1/admin/users/" + user.id())).entity(user).build();
    }

    @GET
    public Page<UserResponse> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return users.list(cursor, limit);
    }

    @GET
    @Path("{id}")
    public UserResponse get(@PathParam("id") UUID id) {
        return users.get(id);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public UserResponse update(@PathParam("id") UUID id, @Valid @NotNull UserUpdateRequest request) {
        return users.update(id, request, current.actor());
    }
}
