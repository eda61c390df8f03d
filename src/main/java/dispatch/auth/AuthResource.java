package dispatch.auth;

import dispatch.auth.api.TokenRequest;
import dispatch.auth.api.TokenResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/auth")
public class AuthResource {

    private final TokenService tokens;

    AuthResource(TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@Valid @NotNull TokenRequest request, @Context HttpServerRequest http) {
        TokenResponse token = tokens.issue(request.username(), request.password(), http.remoteAddress().hostAddress());
        return Response.ok(token).header("Cache-Control", "no-store").build();
    }
}
