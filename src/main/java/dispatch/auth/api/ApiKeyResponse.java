package dispatch.auth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A partner key as admins see it. {@code key}, the secret, is present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyResponse(UUID id, String name, String prefix, List<String> sections, List<String> tags, boolean fullText,
        String tier, Instant createdAt, Instant revokedAt, Instant lastUsedAt, String key) {
}
