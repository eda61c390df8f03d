package dispatch.sync;

import dispatch.articles.ArticleReadService;
import dispatch.articles.api.ArticleSummary;
import dispatch.auth.Partner;
import dispatch.common.http.Cursors;
import dispatch.common.http.ProblemException;
import dispatch.common.persistence.Rows;
import dispatch.sync.api.Change;
import dispatch.sync.api.ChangePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The changes API: events of articles, sections, tags and authors after a cursor, in seq (= commit)
 * order. Upserts carry the current public representation, loaded for the whole page at once.
 */
@ApplicationScoped
class ChangeQueries {

    private final EntityManager em;
    private final ArticleReadService articles;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ChangeQueries(EntityManager em, ArticleReadService articles, com.fasterxml.jackson.databind.ObjectMapper json) {
        this.em = em;
        this.articles = articles;
        this.json = json;
    }

    /**
     * The page after {@code cursor}, as this reader may see it. For a partner key, an article outside
     * its scope (another section, untagged) is a deletion: its mirror drops the copy it may hold from
     * before the article left the scope, and learns nothing of it.
     */
    ChangePage since(String cursor, int limit, Partner partner) {
        long after = cursor == null ? 0 : decode(cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, type, entity_type, entity_id, slug, occurred_at, payload::text from events "
                + "where seq > :after and entity_type in ('article', 'section', 'tag', 'author') order by seq limit " + limit).setParameter("after", after).getResultList();
        List<UUID> articleIds = new ArrayList<>();
        for (Object[] row : rows) {
            if ("article".equals(row[2]) && !isRemoval((String) row[1])) {
                articleIds.add(Rows.uuid(row[3]));
            }
        }
        Map<UUID, ArticleSummary> current = new HashMap<>();
        articles.summaries(articleIds, partner).forEach(summary -> current.put(summary.id(), summary));
        java.util.Set<UUID> outOfScope = new java.util.HashSet<>();
        if (partner != null) {
            articles.summaries(articleIds, null).forEach(summary -> {
                if (!current.containsKey(summary.id())) {
                    outOfScope.add(summary.id());
                }
            });
        }
        List<Change> changes = new ArrayList<>();
        long last = after;
        for (Object[] row : rows) {
            long seq = ((Number) row[0]).longValue();
            String type = (String) row[1];
            String entityType = (String) row[2];
            UUID id = Rows.uuid(row[3]);
            boolean removal = isRemoval(type) || outOfScope.contains(id);
            Object data = removal ? null : "article".equals(entityType) ? current.get(id) : payload((String) row[6]);
            changes.add(new Change(Long.toString(seq), type, entityType, removal ? "delete" : "upsert", id, (String) row[4],
                    Rows.instant(row[5]), data));
            last = seq;
        }
        return new ChangePage(changes, Cursors.encode(List.of("changes", Long.toString(last))));
    }

    private Object payload(String json) {
        try {
            return this.json.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isRemoval(String type) {
        return type.endsWith(".deleted") || type.endsWith(".unpublished");
    }

    private static long decode(String cursor) {
        List<String> parts = Cursors.decode(cursor, 2, "since");
        try {
            if (!parts.get(0).equals("changes")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(parts.get(1));
        } catch (RuntimeException e) {
            throw ProblemException.badParameter("since", "not a cursor of the changes API; use the 'next' of a previous page");
        }
    }
}
