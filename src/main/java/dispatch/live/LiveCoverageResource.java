package dispatch.live;

import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Ends a live article's coverage ("coverage has ended"): readers' streams get a {@code closed} event. */
@Path("/api/v1/admin/articles/{id}/live-coverage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR})
public class LiveCoverageResource {

    private final LiveService live;
    private final CurrentUser user;

    LiveCoverageResource(LiveService live, CurrentUser user) {
        this.live = live;
        this.user = user;
    }

    @POST
    @Path("close")
    public Map<String, Instant> close(@PathParam("id") UUID id) {
        return Map.of("closedAt", live.close(id, user));
    }
}
