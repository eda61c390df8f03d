package dispatch.live;

import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import dispatch.live.api.LiveEntry;
import dispatch.live.api.LiveEntryRequest;
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
import java.util.UUID;

/** Writers and editors add, edit and delete the entries of a live article. */
@Path("/api/v1/admin/articles/{id}/live-entries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
public class LiveAdminResource {

    private final LiveService live;
    private final LiveQueries queries;
    private final CurrentUser user;

    LiveAdminResource(LiveService live, LiveQueries queries, CurrentUser user) {
        this.live = live;
        this.queries = queries;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("id") UUID id, @Valid @NotNull LiveEntryRequest request) {
        LiveEntryRecord entry = live.add(id, request, user);
        return Response.created(URI.create("/api/v1/admin/articles/" + id + "/live-entries/" + entry.id)).entity(queries.entry(entry.id)).build();
    }

    @PUT
    @Path("{entryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public LiveEntry update(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId, @Valid @NotNull LiveEntryRequest request) {
        live.update(id, entryId, request, user);
        return queries.entry(entryId);
    }

    @DELETE
    @Path("{entryId}")
    public Response delete(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId) {
        live.delete(id, entryId, user);
        return Response.noContent().build();
    }
}
