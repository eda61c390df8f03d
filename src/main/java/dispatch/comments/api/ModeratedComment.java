package dispatch.comments.api;

import java.time.Instant;
import java.util.UUID;

/** A comment as moderators see it: any status, with the author's email and the moderation record. */
public record ModeratedComment(UUID id, String article, UUID parentId, int depth, String authorName, String authorEmail, String text,
        String body, String status, String spamReason, Instant createdAt, Instant moderatedAt, String moderatedBy, int replyCount) {
}
