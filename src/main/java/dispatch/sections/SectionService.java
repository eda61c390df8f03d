package dispatch.sections;

import dispatch.audit.AuditLog;
import dispatch.auth.CurrentUser;
import dispatch.common.http.Problem;
import dispatch.common.http.ProblemException;
import dispatch.sections.api.SectionRequest;
import dispatch.common.http.CacheKeys;
import dispatch.sync.CachePurger;
import dispatch.sync.ChangeLog;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Editing the section tree. Breadcrumbs are derived from parent links, so moving a section moves its
 * whole subtree, and readers see the new tree as soon as the change commits.
 */
@ApplicationScoped
public class SectionService {

    private final SectionRepository repository;
    private final SectionTree tree;
    private final EntityManager em;
    private final AuditLog audit;
    private final TransactionSynchronizationRegistry transactions;
    private final ChangeLog changes;
    private final CachePurger purger;

    SectionService(SectionRepository repository, SectionTree tree, EntityManager em, AuditLog audit,
            TransactionSynchronizationRegistry transactions, ChangeLog changes, CachePurger purger) {
        this.changes = changes;
        this.purger = purger;
        this.repository = repository;
        this.tree = tree;
        this.em = em;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Transactional
    public Section create(SectionRequest request, CurrentUser.Actor actor) {
        if (tree.bySlug(request.slug()).isPresent()) {
            throw ProblemException.conflict("The slug '" + request.slug() + "' is used by another section");
        }
        Section section = new Section();
        section.id = UUID.randomUUID();
        section.createdAt = Instant.now();
        write(section, request);
        repository.persist(section);
        audit.record(actor, "section.create", "section", section.id, Map.of("slug", section.slug));
        changes.record("section.updated", "section", section.id, section.slug, section.id, Map.of("slug", section.slug, "name", section.name));
        purger.purge(CacheKeys.set(CacheKeys.SECTIONS, CacheKeys.section(section.slug)));
        tree.invalidateAfterCommit(transactions);
        return section;
    }

    @Transactional
    public Section replace(String slug, SectionRequest request, CurrentUser.Actor actor) {
        Section section = find(slug);
        if (!slug.equals(request.slug()) && tree.bySlug(request.slug()).isPresent()) {
            throw ProblemException.conflict("The slug '" + request.slug() + "' is used by another section");
        }
        write(section, request);
        audit.record(actor, "section.update", "section", section.id, Map.of("slug", section.slug));
        changes.record("section.updated", "section", section.id, section.slug, section.id, Map.of("slug", section.slug, "name", section.name));
        // a move or rename changes breadcrumbs and which lists hold which articles
        purger.purge(CacheKeys.set(CacheKeys.SECTIONS, CacheKeys.section(slug), CacheKeys.section(section.slug), CacheKeys.sectionList(slug),
                CacheKeys.sectionList(section.slug), CacheKeys.LATEST, CacheKeys.ALL_ARTICLES));
        tree.invalidateAfterCommit(transactions);
        return section;
    }

    /** Deletes a section no article and no child section uses; 409 otherwise. */
    @Transactional
    public void delete(String slug, CurrentUser.Actor actor) {
        Section section = find(slug);
        long articles = ((Number) em.createNativeQuery("select count(*) from articles where section_id = :id").setParameter("id", section.id)
                .getSingleResult()).longValue();
        if (articles > 0) {
            throw ProblemException.conflict("Section '" + slug + "' is used by " + articles + " article(s); move them first");
        }
        if (!tree.childrenOf(section).isEmpty()) {
            throw ProblemException.conflict("Section '" + slug + "' has child sections; move or delete them first");
        }
        repository.delete(section);
        audit.record(actor, "section.delete", "section", section.id, Map.of("slug", slug));
        changes.record("section.deleted", "section", section.id, slug, section.id, Map.of("slug", slug));
        purger.purge(CacheKeys.set(CacheKeys.SECTIONS, CacheKeys.section(slug)));
        tree.invalidateAfterCommit(transactions);
    }

    private Section find(String slug) {
        return repository.find("slug", slug).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No section with slug '" + slug + "'"));
    }

    private void write(Section section, SectionRequest request) {
        UUID parentId = null;
        if (request.parent() != null) {
            Section parent = tree.bySlug(request.parent()).orElseThrow(() -> ProblemException.invalidBody(
                    List.of(Problem.FieldError.pointer("/parent", "no section with slug '" + request.parent() + "'"))));
            if (section.id != null && tree.subtreeIds(section.slug).contains(parent.id)) {
                throw ProblemException.conflict("A section cannot move under itself or one of its descendants");
            }
            parentId = parent.id;
        }
        section.slug = request.slug();
        section.name = request.name().strip();
        section.description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        section.parentId = parentId;
        section.position = request.position() == null ? 0 : request.position();
        section.updatedAt = Instant.now();
    }
}
