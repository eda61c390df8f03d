package dispatch.sync;

import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import dispatch.common.http.Page;
import dispatch.common.http.QueryValues;
import dispatch.sync.api.Delivery;
import dispatch.sync.api.WebhookRequest;
import dispatch.sync.api.WebhookResponse;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookAdminResource {

    private final WebhookService webhooks;
    private final CurrentUser user;

    WebhookAdminResource(WebhookService webhooks, CurrentUser user) {
        this.webhooks = webhooks;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull WebhookRequest request) {
        WebhookResponse webhook = webhooks.register(request, user.actor());
        return Response.created(URI.create("/api/v1/admin/webhooks/" + webhook.id())).entity(webhook).build();
    }

    @GET
    public Map<String, List<WebhookResponse>> list() {
        return Map.of("items", webhooks.list());
    }

    @GET
    @Path("{id}")
    public WebhookResponse get(@PathParam("id") UUID id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id, user.actor());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    public Page<Delivery> deliveries(@PathParam("id") UUID id, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return webhooks.deliveries(id, cursor, QueryValues.limit(limit, 50, 200));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        webhooks.redeliver(id, deliveryId, user.actor());
        return Response.accepted().build();
    }
}
