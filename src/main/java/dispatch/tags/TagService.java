package dispatch.tags;

import dispatch.audit.AuditLog;
import dispatch.auth.CurrentUser;
import dispatch.common.http.ProblemException;
import dispatch.tags.api.TagRequest;
import dispatch.common.http.CacheKeys;
import dispatch.sync.CachePurger;
import dispatch.sync.ChangeLog;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Editing tags. A tag that articles carry cannot be deleted (409): untag them first. */
@ApplicationScoped
public class TagService {

    private final TagRepository tags;
    private final EntityManager em;
    private final AuditLog audit;
    private final ChangeLog changes;
    private final CachePurger purger;

    TagService(TagRepository tags, EntityManager em, AuditLog audit, ChangeLog changes, CachePurger purger) {
        this.changes = changes;
        this.purger = purger;
        this.tags = tags;
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public Tag create(TagRequest request, CurrentUser.Actor actor) {
        requireFree(request.slug());
        Tag tag = new Tag();
        tag.id = UUID.randomUUID();
        tag.createdAt = Instant.now();
        write(tag, request);
        tags.persist(tag);
        audit.record(actor, "tag.create", "tag", tag.id, Map.of("slug", tag.slug));
        changes.record("tag.updated", "tag", tag.id, tag.slug, tag.id, Map.of("slug", tag.slug, "name", tag.name));
        purger.purge(CacheKeys.set(CacheKeys.TAGS, CacheKeys.tag(tag.slug)));
        return tag;
    }

    @Transactional
    public Tag replace(String slug, TagRequest request, CurrentUser.Actor actor) {
        Tag tag = find(slug);
        if (!slug.equals(request.slug())) {
            requireFree(request.slug());
        }
        write(tag, request);
        audit.record(actor, "tag.update", "tag", tag.id, Map.of("slug", tag.slug));
        changes.record("tag.updated", "tag", tag.id, tag.slug, tag.id, Map.of("slug", tag.slug, "name", tag.name));
        purger.purge(CacheKeys.set(CacheKeys.TAGS, CacheKeys.tag(slug), CacheKeys.tag(tag.slug), CacheKeys.tagList(slug),
                CacheKeys.tagList(tag.slug)));
        return tag;
    }

    @Transactional
    public void delete(String slug, CurrentUser.Actor actor) {
        Tag tag = find(slug);
        long uses = ((Number) em.createNativeQuery("select count(*) from article_tags where tag_id = :id").setParameter("id", tag.id)
                .getSingleResult()).longValue();
        if (uses > 0) {
            throw ProblemException.conflict("Tag '" + slug + "' is on " + uses + " article(s); remove it from them first");
        }
        tags.delete(tag);
        audit.record(actor, "tag.delete", "tag", tag.id, Map.of("slug", slug));
        changes.record("tag.deleted", "tag", tag.id, slug, tag.id, Map.of("slug", slug));
        purger.purge(CacheKeys.set(CacheKeys.TAGS, CacheKeys.tag(slug)));
    }

    private Tag find(String slug) {
        return tags.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No tag with slug '" + slug + "'"));
    }

    private void requireFree(String slug) {
        if (tags.findBySlug(slug).isPresent()) {
            throw ProblemException.conflict("The slug '" + slug + "' is used by another tag");
        }
    }

    private static void write(Tag tag, TagRequest request) {
        tag.slug = request.slug();
        tag.name = request.name().strip();
        tag.description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        tag.updatedAt = Instant.now();
    }
}
