package dispatch.comments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reader's comment: plain text, moderated before (or after) it is shown. */
@Entity
@Table(name = "comments")
public class Comment {

    @Id
    public UUID id;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    @Column(name = "parent_id")
    public UUID parentId;

    @Column(nullable = false)
    public int depth;

    @Column(name = "author_name", nullable = false)
    public String authorName;

    @Column(name = "author_email")
    public String authorEmail;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public String status;

    @Column(name = "spam_reason")
    public String spamReason;

    @Column(name = "client_hash", nullable = false)
    public String clientHash;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "reply_count", nullable = false)
    public int replyCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "moderated_at")
    public Instant moderatedAt;

    @Column(name = "moderated_by")
    public UUID moderatedBy;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    boolean isPublic() {
        return "approved".equals(status) && deletedAt == null;
    }
}
