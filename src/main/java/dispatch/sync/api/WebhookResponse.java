package dispatch.sync.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook subscription as admins see it; the secret is never shown again. */
public record WebhookResponse(UUID id, String url, List<String> events, Instant createdAt) {
}
