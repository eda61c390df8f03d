package dispatch.audit;

import dispatch.audit.api.AuditEntry;
import dispatch.auth.Roles;
import dispatch.common.http.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit log, newest first: who published, unpublished, deleted or restored what, and when. */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.ADMIN})
public class AuditResource {

    private final AuditQueries audit;

    AuditResource(AuditQueries audit) {
        this.audit = audit;
    }

    @GET
    public Page<AuditEntry> list(@QueryParam("entityType") String entityType, @QueryParam("entityId") String entityId,
            @QueryParam("actor") String actor, @QueryParam("action") String action, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return audit.list(entityType, entityId, actor, action, cursor, limit);
    }
}
