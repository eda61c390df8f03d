package dispatch.articles;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The article aggregate. Sections, tags, authors and related articles are referenced by id (they are
 * aggregates of their own); their order is the editor's. {@code body} is the JSON array of blocks and
 * {@code bodyText} its plain text, kept together by {@link ArticleBodies}.
 */
@Entity
@Table(name = "articles")
public class Article {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String headline;

    @Column(name = "social_headline")
    public String socialHeadline;

    public String standfirst;

    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String body;

    @Column(name = "body_text", nullable = false)
    public String bodyText;

    @Column(name = "word_count", nullable = false)
    public int wordCount;

    @Column(nullable = false)
    public String language;

    @Column(name = "section_id", nullable = false)
    public UUID sectionId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hero_image_id")
    public Image heroImage;

    /** The audio asset of an audio article (JSON), null for other articles. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String audio;

    @Column(name = "comment_count", nullable = false)
    public int commentCount;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    /** The user who created it: the author of record, never set by clients. */
    @Column(name = "created_by")
    public UUID createdBy;

    /** Embargo end: readers stop seeing the article at this time. */
    @Column(name = "expire_at")
    public Instant expireAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @ElementCollection
    @CollectionTable(name = "article_tags", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag_id")
    public List<UUID> tagIds = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_authors", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "author_id")
    public List<UUID> authorIds = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_related", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "related_id")
    public List<UUID> relatedIds = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_slug_history", joinColumns = @JoinColumn(name = "article_id"))
    @Column(name = "slug")
    public Set<String> formerSlugs = new HashSet<>();
}
