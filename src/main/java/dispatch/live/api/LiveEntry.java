package dispatch.live.api;

import com.fasterxml.jackson.databind.JsonNode;
import dispatch.authors.api.AuthorRef;
import java.time.Instant;
import java.util.UUID;

/** One entry of live coverage as readers see it; {@code bodyHtml} is safe to inject. */
public record LiveEntry(UUID id, String title, JsonNode body, String bodyHtml, AuthorRef author, boolean pinned, boolean keyEvent,
        Instant createdAt, Instant updatedAt) {
}
