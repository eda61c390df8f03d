package dispatch.comments.api;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** An article's comment rules: closed from {@code closedAt} (now or later; null reopens), pre- or post-moderation. */
public record CommentSettingsRequest(Instant closedAt,
        @Pattern(regexp = "pre|post", message = "must be pre or post") String moderation) {
}
