package dispatch.audit.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One recorded action. */
public record AuditEntry(long id, Instant at, String actor, String action, String entityType, String entityId, JsonNode details) {
}
