package dispatch.authors;

import dispatch.audit.AuditLog;
import dispatch.auth.CurrentUser;
import dispatch.common.http.ProblemException;
import dispatch.authors.api.AuthorRequest;
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

/** Editing author profiles. An author with bylines cannot be deleted (409): change the bylines first. */
@ApplicationScoped
public class AuthorService {

    private final AuthorRepository authors;
    private final EntityManager em;
    private final AuditLog audit;
    private final ChangeLog changes;
    private final CachePurger purger;

    AuthorService(AuthorRepository authors, EntityManager em, AuditLog audit, ChangeLog changes, CachePurger purger) {
        this.changes = changes;
        this.purger = purger;
        this.authors = authors;
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public Author create(AuthorRequest request, CurrentUser.Actor actor) {
        requireFree(request.slug());
        Author author = new Author();
        author.id = UUID.randomUUID();
        author.createdAt = Instant.now();
        write(author, request);
        authors.persist(author);
        audit.record(actor, "author.create", "author", author.id, Map.of("slug", author.slug));
        changes.record("author.updated", "author", author.id, author.slug, author.id, Map.of("slug", author.slug, "name", author.name));
        purger.purge(CacheKeys.set(CacheKeys.AUTHORS, CacheKeys.author(author.slug)));
        return author;
    }

    @Transactional
    public Author replace(String slug, AuthorRequest request, CurrentUser.Actor actor) {
        Author author = find(slug);
        if (!slug.equals(request.slug())) {
            requireFree(request.slug());
        }
        write(author, request);
        audit.record(actor, "author.update", "author", author.id, Map.of("slug", author.slug));
        changes.record("author.updated", "author", author.id, author.slug, author.id, Map.of("slug", author.slug, "name", author.name));
        purger.purge(CacheKeys.set(CacheKeys.AUTHORS, CacheKeys.author(slug), CacheKeys.author(author.slug), CacheKeys.authorList(slug),
                CacheKeys.authorList(author.slug)));
        return author;
    }

    @Transactional
    public void delete(String slug, CurrentUser.Actor actor) {
        Author author = find(slug);
        long uses = ((Number) em.createNativeQuery("select count(*) from article_authors where author_id = :id").setParameter("id", author.id)
                .getSingleResult()).longValue();
        if (uses > 0) {
            throw ProblemException.conflict("Author '" + slug + "' has " + uses + " byline(s); change them first");
        }
        authors.delete(author);
        audit.record(actor, "author.delete", "author", author.id, Map.of("slug", slug));
        changes.record("author.deleted", "author", author.id, slug, author.id, Map.of("slug", slug));
        purger.purge(CacheKeys.set(CacheKeys.AUTHORS, CacheKeys.author(slug)));
    }

    private Author find(String slug) {
        return authors.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No author with slug '" + slug + "'"));
    }

    private void requireFree(String slug) {
        if (authors.findBySlug(slug).isPresent()) {
            throw ProblemException.conflict("The slug '" + slug + "' is used by another author");
        }
    }

    private static void write(Author author, AuthorRequest request) {
        author.slug = request.slug();
        author.name = request.name().strip();
        author.bio = request.bio() == null || request.bio().isBlank() ? null : request.bio().strip();
        author.avatarUrl = request.avatarUrl();
        author.updatedAt = Instant.now();
    }
}
