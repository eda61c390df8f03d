package dispatch.live;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A live entry as stored. */
@Entity
@Table(name = "live_entries")
public class LiveEntryRecord {

    @Id
    public UUID id;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    public String title;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String body;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "key_event", nullable = false)
    public boolean keyEvent;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Version
    public int version;
}
