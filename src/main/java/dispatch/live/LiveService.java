package dispatch.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.articles.ArticleBodies;
import dispatch.articles.ArticleReadService;
import dispatch.articles.BodyValidator;
import dispatch.articles.EditorialAccess;
import dispatch.audit.AuditLog;
import dispatch.auth.CurrentUser;
import dispatch.authors.AuthorLookup;
import dispatch.common.http.JsonInput;
import dispatch.common.http.Problem;
import dispatch.common.http.ProblemException;
import dispatch.live.api.LiveEntryRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writing live coverage. Every change is also an event in the article's live log (its seq is the SSE
 * event id) and a NOTIFY on {@code dispatch_live}, sent by PostgreSQL when the transaction commits,
 * so every instance pushes it to its readers.
 */
@ApplicationScoped
public class LiveService {

    static final String CHANNEL = dispatch.common.persistence.DatabaseNotifications.LIVE;

    private final LiveEntryRepository entries;
    private final ArticleReadService articles;
    private final AuthorLookup authors;
    private final AuditLog audit;
    private final EntityManager em;
    private final ObjectMapper json;
    private final dispatch.sync.CachePurger purger;

    private final EditorialAccess access;

    LiveService(LiveEntryRepository entries, ArticleReadService articles, AuthorLookup authors, AuditLog audit, EntityManager em,
            ObjectMapper json, dispatch.sync.CachePurger purger, EditorialAccess access) {
        this.access = access;
        this.purger = purger;
        this.entries = entries;
        this.articles = articles;
        this.authors = authors;
        this.audit = audit;
        this.em = em;
        this.json = json;
    }

    @Transactional
    public LiveEntryRecord add(UUID articleId, LiveEntryRequest request, CurrentUser user) {
        lockLiveArticle(articleId, user);
        if (closedAt(articleId) != null) {
            throw ProblemException.conflict("The live coverage of this article has ended");
        }
        LiveEntryRecord entry = new LiveEntryRecord();
        entry.id = UUID.randomUUID();
        entry.articleId = articleId;
        entry.createdBy = user.id();
        write(entry, request);
        entry.createdAt = entry.updatedAt;
        entries.persist(entry);
        em.flush();
        event(articleId, "entry", entry.id);
        audit.record(user.actor(), "live.entry.create", "article", articleId, Map.of("entry", entry.id));
        return entry;
    }

    @Transactional
    public LiveEntryRecord update(UUID articleId, UUID entryId, LiveEntryRequest request, CurrentUser user) {
        lockLiveArticle(articleId, user);
        LiveEntryRecord entry = editable(articleId, entryId, user);
        write(entry, request);
        em.flush();
        event(articleId, "entry", entry.id);
        audit.record(user.actor(), "live.entry.update", "article", articleId, Map.of("entry", entry.id));
        return entry;
    }

    @Transactional
    public void delete(UUID articleId, UUID entryId, CurrentUser user) {
        lockLiveArticle(articleId, user);
        LiveEntryRecord entry = editable(articleId, entryId, user);
        entry.deletedAt = Instant.now();
        entry.updatedAt = entry.deletedAt;
        em.flush();
        event(articleId, "delete", entry.id);
        audit.record(user.actor(), "live.entry.delete", "article", articleId, Map.of("entry", entry.id));
    }

    /** Ends the coverage: readers are told, and no entries can be added any more. */
    @Transactional
    public Instant close(UUID articleId, CurrentUser user) {
        lockLiveArticle(articleId, user);
        Instant closed = closedAt(articleId);
        if (closed != null) {
            return closed;
        }
        Instant now = Instant.now();
        em.createNativeQuery("insert into live_coverage (article_id, closed_at) values (:id, :at) "
                + "on conflict (article_id) do update set closed_at = excluded.closed_at").setParameter("id", articleId).setParameter("at", now)
                .executeUpdate();
        event(articleId, "closed", null);
        audit.record(user.actor(), "live.close", "article", articleId, Map.of());
        return now;
    }

    Instant closedAt(UUID articleId) {
        List<?> rows = em.createNativeQuery("select closed_at from live_coverage where article_id = :id").setParameter("id", articleId)
                .getResultList();
        return rows.isEmpty() || rows.get(0) == null ? null : dispatch.common.persistence.Rows.instant(rows.get(0));
    }

    /**
     * Checks that this user may change the article (the article's own rule: writers only their own
     * drafts, so a published live article is its editors') and that it is a live article, then
     * serializes the writers of its coverage (its event seq).
     */
    private void lockLiveArticle(UUID articleId, CurrentUser user) {
        String type = access.changeableType(articleId, user);
        if (!"live".equals(type)) {
            throw ProblemException.conflict("Only live articles have live entries; this one is of type " + type);
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))").setParameter("key", "live:" + articleId).getSingleResult();
    }

    private LiveEntryRecord editable(UUID articleId, UUID entryId, CurrentUser user) {
        LiveEntryRecord entry = entries.findLive(articleId, entryId)
                .orElseThrow(() -> ProblemException.notFound("No live entry " + entryId + " in article " + articleId));
        if (!user.isEditor() && !user.id().equals(entry.createdBy)) {
            throw new ProblemException(403, "FORBIDDEN", "Forbidden", "Writers can change their own entries only", null, null);
        }
        return entry;
    }

    private void write(LiveEntryRecord entry, LiveEntryRequest request) {
        request.body().forEach(JsonInput::clean);
        List<Problem.FieldError> errors = new ArrayList<>(BodyValidator.check(request.body(), "/body"));
        JsonNode blocks = json.valueToTree(request.body());
        var slugs = ArticleBodies.relatedSlugs(blocks);
        var known = articles.idsBySlug(slugs);
        slugs.stream().filter(slug -> !known.containsKey(slug))
                .forEach(slug -> errors.add(Problem.FieldError.pointer("/body", "no article with slug '" + slug + "'")));
        UUID authorId = null;
        if (request.author() != null) {
            authorId = authors.idsBySlug(List.of(request.author())).get(request.author());
            if (authorId == null) {
                errors.add(Problem.FieldError.pointer("/author", "no author with slug '" + request.author() + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidBody(errors);
        }
        entry.title = request.title() == null || request.title().isBlank() ? null : request.title().strip();
        entry.body = blocks.toString();
        entry.authorId = authorId;
        entry.pinned = Boolean.TRUE.equals(request.pinned());
        entry.keyEvent = Boolean.TRUE.equals(request.keyEvent());
        entry.updatedAt = Instant.now();
    }

    private void event(UUID articleId, String type, UUID entryId) {
        Number seq = (Number) em.createNativeQuery("select coalesce(max(seq), 0) + 1 from live_events where article_id = :id")
                .setParameter("id", articleId).getSingleResult();
        em.createNativeQuery("insert into live_events (article_id, seq, type, entry_id) values (:id, :seq, :type, :entry)")
                .setParameter("id", articleId).setParameter("seq", seq.longValue()).setParameter("type", type).setParameter("entry", entryId)
                .executeUpdate();
        em.createNativeQuery("select pg_notify(:channel, :payload)").setParameter("channel", CHANNEL)
                .setParameter("payload", articleId + ":" + seq.longValue()).getSingleResult();
        purger.purge(dispatch.common.http.CacheKeys.set(dispatch.common.http.CacheKeys.live(articleId)));
    }
}
