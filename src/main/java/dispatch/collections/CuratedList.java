package dispatch.collections;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A collection: an editor's ordered list of articles, such as a homepage's top stories. */
@Entity
@Table(name = "collections")
public class CuratedList {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    @ElementCollection
    @CollectionTable(name = "collection_items", joinColumns = @JoinColumn(name = "collection_id"))
    @OrderColumn(name = "position")
    @Column(name = "article_id")
    public List<UUID> articleIds = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
