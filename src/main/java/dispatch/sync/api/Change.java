package dispatch.sync.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One change for mirrors: an {@code upsert} carries the entity as readers see it now ({@code data},
 * null if it is no longer public: a later change removes it), a {@code delete} is a tombstone.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Change(String seq, String event, String type, String action, UUID id, String slug, Instant occurredAt, Object data) {
}
