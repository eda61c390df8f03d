package dispatch.support;

import dispatch.articles.Article;
import dispatch.articles.ArticleBodies;
import dispatch.articles.Image;
import dispatch.authors.Author;
import dispatch.sections.Section;
import dispatch.sections.SectionTree;
import dispatch.tags.Tag;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes test content through the entities (the same mappings the editorial API uses), each piece
 * with unique slugs so tests never depend on one another or on the demo content.
 */
@ApplicationScoped
public class TestContent {

    private final EntityManager em;
    private final SectionTree sections;
    private final ObjectMapper json;
    private final dispatch.sync.ChangeLog changes;
    private final dispatch.articles.ArticleReadService reader;
    private final dispatch.common.http.ResponseCache cache;
    private final jakarta.transaction.TransactionSynchronizationRegistry transactions;

    TestContent(EntityManager em, SectionTree sections, ObjectMapper json, dispatch.sync.ChangeLog changes,
            dispatch.articles.ArticleReadService reader, dispatch.common.http.ResponseCache cache,
            jakarta.transaction.TransactionSynchronizationRegistry transactions) {
        this.cache = cache;
        this.transactions = transactions;
        this.em = em;
        this.sections = sections;
        this.json = json;
        this.changes = changes;
        this.reader = reader;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    public Section section(String slug, String parentSlug) {
        Section section = new Section();
        section.id = UUID.randomUUID();
        section.slug = slug;
        section.name = "Section " + slug;
        section.parentId = parentSlug == null ? null
                : em.createQuery("select s.id from Section s where s.slug = :slug", UUID.class).setParameter("slug", parentSlug)
                        .getSingleResult();
        section.createdAt = Instant.now();
        section.updatedAt = section.createdAt;
        em.persist(section);
        em.flush();
        sections.invalidate();
        forgetCachedResponses();
        return section;
    }

    @Transactional
    public Tag tag(String slug) {
        Tag tag = new Tag();
        tag.id = UUID.randomUUID();
        tag.slug = slug;
        tag.name = "Tag " + slug;
        tag.createdAt = Instant.now();
        tag.updatedAt = tag.createdAt;
        em.persist(tag);
        forgetCachedResponses();
        return tag;
    }

    @Transactional
    public Author author(String slug) {
        Author author = new Author();
        author.id = UUID.randomUUID();
        author.slug = slug;
        author.name = "Author " + slug;
        author.bio = "Writes about " + slug;
        author.createdAt = Instant.now();
        author.updatedAt = author.createdAt;
        em.persist(author);
        forgetCachedResponses();
        return author;
    }

    public ArticleBuilder article() {
        return new ArticleBuilder(this);
    }

    @Transactional
    Article persist(ArticleBuilder b) {
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.slug = b.slug;
        article.type = b.type;
        article.status = b.status;
        article.headline = b.headline;
        article.socialHeadline = b.socialHeadline;
        article.standfirst = b.standfirst;
        article.language = b.language;
        article.sectionId = idOf("Section", b.section);
        article.publishedAt = b.publishedAt;
        article.createdAt = Instant.now();
        article.updatedAt = b.publishedAt == null ? article.createdAt : b.publishedAt;
        try {
            article.body = b.body;
            article.bodyText = ArticleBodies.plainText(json.readTree(b.body));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        article.wordCount = ArticleBodies.wordCount(article.bodyText);
        b.tags.forEach(slug -> article.tagIds.add(idOf("Tag", slug)));
        b.authors.forEach(slug -> article.authorIds.add(idOf("Author", slug)));
        b.related.forEach(slug -> article.relatedIds.add(idOf("Article", slug)));
        article.formerSlugs.addAll(b.formerSlugs);
        if (b.imageUrl != null) {
            Image image = new Image();
            image.id = UUID.randomUUID();
            image.url = b.imageUrl;
            image.caption = "Caption of " + b.slug;
            image.credit = "Photo: Test";
            image.altText = "Alt of " + b.slug;
            image.width = 1200;
            image.height = 800;
            image.createdAt = Instant.now();
            em.persist(image);
            article.heroImage = image;
        }
        em.persist(article);
        forgetCachedResponses();
        // like the editorial API, tell the change log what readers can now see
        if (visible(article)) {
            changes.record("article.published", "article", article.id, article.slug, article.id, java.util.Map.of("slug", article.slug));
        }
        return article;
    }

    /** Test content bypasses the services' precise purges: drop every cached response when it commits. */
    private void forgetCachedResponses() {
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                cache.invalidateAll();
            }
        });
    }

    private boolean visible(Article article) {
        return reader.isVisible(article.status, article.publishedAt, article.expireAt, article.deletedAt);
    }

    /** Changes an article as an editor would, in its own transaction. */
    @Transactional
    public void change(String slug, Consumer<Article> change) {
        Article article = em.createQuery("from Article where slug = :slug", Article.class).setParameter("slug", slug).getSingleResult();
        boolean wasVisible = visible(article);
        forgetCachedResponses();
        change.accept(article);
        article.updatedAt = Instant.now();
        if (visible(article)) {
            changes.record(wasVisible ? "article.updated" : "article.published", "article", article.id, article.slug, article.id,
                    java.util.Map.of("slug", article.slug));
        } else if (wasVisible) {
            changes.record("article.unpublished", "article", article.id, article.slug, article.id, java.util.Map.of("slug", article.slug));
        }
    }

    @Transactional
    public UUID sectionId(String slug) {
        return idOf("Section", slug);
    }

    private UUID idOf(String entity, String slug) {
        return em.createQuery("select e.id from " + entity + " e where e.slug = :slug", UUID.class).setParameter("slug", slug)
                .getSingleResult();
    }
}
