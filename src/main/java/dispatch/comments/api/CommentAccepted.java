package dispatch.comments.api;

import java.util.UUID;

/** The answer to a submission: stored, and pending (or approved under post-moderation). */
public record CommentAccepted(UUID id, String status) {
}
