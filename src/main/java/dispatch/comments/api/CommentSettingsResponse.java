package dispatch.comments.api;

import java.time.Instant;
import java.util.UUID;

/** An article's comment rules as they stand. */
public record CommentSettingsResponse(UUID articleId, boolean open, Instant closedAt, String moderation, Instant updatedAt) {
}
