package dispatch.comments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Per-article comment rules; an article without a row is open and pre-moderated. */
@Entity
@Table(name = "comment_settings")
public class CommentSettings {

    @Id
    @Column(name = "article_id")
    public UUID articleId;

    /** From this time on, no new comments are accepted; null: open. */
    @Column(name = "closed_at")
    public Instant closedAt;

    /** {@code pre}: comments wait for a moderator; {@code post}: shown at once, removed if needed. */
    @Column(nullable = false)
    public String moderation = "pre";

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    boolean isClosed(Instant now) {
        return closedAt != null && !closedAt.isAfter(now);
    }
}
