package dispatch.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.auth.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Records who did what to which object, in the transaction of the change itself: a change and its
 * audit entry commit together or not at all.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final ObjectMapper json;

    AuditLog(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CurrentUser.Actor actor, String action, String entityType, Object entityId, Map<String, ?> details) {
        try {
            em.createNativeQuery("insert into audit_log (actor_id, actor, action, entity_type, entity_id, details) "
                    + "values (:actorId, :actor, :action, :type, :id, cast(:details as jsonb))")
                    .setParameter("actorId", actor.id())
                    .setParameter("actor", actor.username())
                    .setParameter("action", action)
                    .setParameter("type", entityType)
                    .setParameter("id", String.valueOf(entityId))
                    .setParameter("details", json.writeValueAsString(details == null ? Map.of() : details))
                    .executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
