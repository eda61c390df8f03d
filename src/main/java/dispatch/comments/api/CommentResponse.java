package dispatch.comments.api;

import java.time.Instant;
import java.util.UUID;

/** An approved comment as readers see it. {@code body} is safe HTML; the author's email is never shown. */
public record CommentResponse(UUID id, UUID parentId, int depth, String authorName, String body, Instant createdAt, int replyCount) {
}
