package dispatch.auth;

import dispatch.auth.api.ApiKeyRequest;
import dispatch.auth.api.ApiKeyResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiKeyAdminResource {

    private final ApiKeyService keys;
    private final CurrentUser current;

    ApiKeyAdminResource(ApiKeyService keys, CurrentUser current) {
        this.keys = keys;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ApiKeyRequest request) {
        ApiKeyResponse key = keys.create(request, current.actor());
        return Response.created(URI.create("/api/v1/admin/api-keys/" + key.id())).entity(key).build();
    }

    @GET
    public Map<String, List<ApiKeyResponse>> list() {
        return Map.of("items", keys.list());
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") UUID id) {
        keys.revoke(id, current.actor());
        return Response.noContent().build();
    }
}
