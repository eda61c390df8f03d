package dispatch.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.articles.ArticleBodies;
import dispatch.articles.ArticleReadService;
import dispatch.authors.api.AuthorRef;
import dispatch.common.http.Cursors;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.persistence.Rows;
import dispatch.live.api.LiveEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads live entries and the live event log, and renders entries for readers. */
@ApplicationScoped
class LiveQueries {

    private static final String COLUMNS = "e.id, e.title, e.body::text, au.slug, au.name, e.pinned, e.key_event, e.created_at, e.updated_at";

    /** One event of an article's live log, with the entry as it is now when it is still there. */
    record LiveEvent(long seq, String type, UUID entryId, LiveEntry entry) {
    }

    private final EntityManager em;
    private final ArticleReadService articles;
    private final ObjectMapper json;

    LiveQueries(EntityManager em, ArticleReadService articles, ObjectMapper json) {
        this.em = em;
        this.articles = articles;
        this.json = json;
    }

    /** Entries newest first; {@code since} keeps those created or changed after it. */
    Page<LiveEntry> page(UUID articleId, Instant since, boolean pinnedOnly, boolean keyEventsOnly, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>(Map.of("article", articleId));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from live_entries e left join authors au on au.id = e.author_id "
                + "where e.article_id = :article and e.deleted_at is null");
        if (pinnedOnly) {
            sql.append(" and e.pinned");
        }
        if (keyEventsOnly) {
            sql.append(" and e.key_event");
        }
        if (since != null) {
            sql.append(" and (e.created_at > :since or e.updated_at > :since)");
            params.put("since", since);
        }
        String scope = articleId + "|" + since + "|" + pinnedOnly + "|" + keyEventsOnly;
        if (cursor != null) {
            Cursors.TimeKey after = Cursors.timeKey(cursor, scope);
            params.put("afterTime", after.time());
            params.put("afterId", after.id());
            sql.append(" and (e.created_at, e.id) < (:afterTime, :afterId)");
        }
        sql.append(" order by e.created_at desc, e.id desc limit ").append(limit + 1);
        List<LiveEntry> items = render(rows(sql.toString(), params));
        boolean more = items.size() > limit;
        List<LiveEntry> shown = more ? items.subList(0, limit) : items;
        LiveEntry last = more ? shown.get(shown.size() - 1) : null;
        return new Page<>(shown, last == null ? null : Cursors.afterTime(scope, last.createdAt(), last.id()));
    }

    /** One entry as readers see it (editors get it back after a write). */
    LiveEntry entry(UUID entryId) {
        return render(rows("select " + COLUMNS + " from live_entries e left join authors au on au.id = e.author_id where e.id = :id",
                Map.of("id", entryId))).get(0);
    }

    /** When an entry was created, to read {@code since=<entry id>}. */
    Instant createdAtOf(UUID articleId, UUID entryId) {
        List<?> rows = em.createNativeQuery("select created_at from live_entries where id = :id and article_id = :article")
                .setParameter("id", entryId).setParameter("article", articleId).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.badParameter("since", "no entry with this id in this article");
        }
        return Rows.instant(rows.get(0));
    }

    long lastSeq(UUID articleId) {
        return ((Number) em.createNativeQuery("select coalesce(max(seq), 0) from live_events where article_id = :id")
                .setParameter("id", articleId).getSingleResult()).longValue();
    }

    boolean closed(UUID articleId) {
        return !em.createNativeQuery("select 1 from live_coverage where article_id = :id and closed_at <= now()")
                .setParameter("id", articleId).getResultList().isEmpty();
    }

    /** Those of these live articles readers can see now; called from the event stream's own thread. */
    @ActivateRequestContext
    Set<UUID> visible(java.util.Collection<UUID> articleIds) {
        return articles.visibleLive(articleIds);
    }

    /** The log after {@code afterSeq}, in order; called from the event stream's own thread. */
    @ActivateRequestContext
    List<LiveEvent> eventsAfter(UUID articleId, long afterSeq) {
        @SuppressWarnings("unchecked")
        List<Object[]> log = em.createNativeQuery("select seq, type, entry_id from live_events where article_id = :id and seq > :after "
                + "order by seq limit 500").setParameter("id", articleId).setParameter("after", afterSeq).getResultList();
        Set<UUID> ids = new LinkedHashSet<>();
        log.forEach(r -> {
            if ("entry".equals(r[1])) {
                ids.add(Rows.uuid(r[2]));
            }
        });
        Map<UUID, LiveEntry> current = new HashMap<>();
        if (!ids.isEmpty()) {
            render(rows("select " + COLUMNS + " from live_entries e left join authors au on au.id = e.author_id "
                    + "where e.id in (:ids) and e.deleted_at is null", Map.of("ids", ids))).forEach(entry -> current.put(entry.id(), entry));
        }
        List<LiveEvent> events = new ArrayList<>();
        for (Object[] r : log) {
            UUID entryId = Rows.uuid(r[2]);
            String type = (String) r[1];
            if ("entry".equals(type) && !current.containsKey(entryId)) {
                type = "delete"; // deleted since: say so rather than show a stale entry
            }
            events.add(new LiveEvent(((Number) r[0]).longValue(), type, entryId, current.get(entryId)));
        }
        return events;
    }

    private List<LiveEntry> render(List<Object[]> rows) {
        List<JsonNode> bodies = new ArrayList<>();
        Set<String> related = new LinkedHashSet<>();
        for (Object[] r : rows) {
            JsonNode body = parse((String) r[2]);
            bodies.add(body);
            related.addAll(ArticleBodies.relatedSlugs(body));
        }
        Map<String, ArticleBodies.RelatedLink> links = related.isEmpty() ? Map.of() : articles.resolveRelated(related);
        List<LiveEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            JsonNode blocks = ArticleBodies.publicBlocks(bodies.get(i), links);
            entries.add(new LiveEntry(Rows.uuid(r[0]), (String) r[1], blocks, ArticleBodies.html(blocks),
                    r[3] == null ? null : new AuthorRef((String) r[3], (String) r[4]), (Boolean) r[5], (Boolean) r[6], Rows.instant(r[7]),
                    Rows.instant(r[8])));
        }
        return entries;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
