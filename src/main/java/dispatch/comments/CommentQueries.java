package dispatch.comments;

import dispatch.comments.api.CommentResponse;
import dispatch.comments.api.ModeratedComment;
import dispatch.common.http.Cursors;
import dispatch.common.http.Page;
import dispatch.common.persistence.Rows;
import dispatch.common.persistence.SqlReads;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads comments by keyset on (createdAt, id), in either direction, on the partial indexes of V3. */
@ApplicationScoped
class CommentQueries {

    private final SqlReads reads;

    CommentQueries(SqlReads reads) {
        this.reads = reads;
    }

    /** Approved comments of an article: top-level ones, or the replies to {@code parentId}. */
    Page<CommentResponse> approved(UUID articleId, UUID parentId, boolean newestFirst, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>(Map.of("article", articleId));
        StringBuilder sql = new StringBuilder("select c.id, c.parent_id, c.depth, c.author_name, c.body, c.created_at, c.reply_count "
                + "from comments c where c.article_id = :article and c.status = 'approved' and c.deleted_at is null and ");
        if (parentId == null) {
            sql.append("c.parent_id is null");
        } else {
            sql.append("c.parent_id = :parent");
            params.put("parent", parentId);
        }
        sql.append(" and ");
        String scope = articleId + "|" + parentId + "|" + newestFirst;
        keyset(sql, params, cursor, scope, newestFirst);
        sql.append(" order by c.created_at ").append(newestFirst ? "desc" : "asc").append(", c.id ").append(newestFirst ? "desc" : "asc")
                .append(" limit ").append(limit + 1);
        List<CommentResponse> items = new ArrayList<>();
        for (Object[] r : rows(sql.toString(), params)) {
            items.add(new CommentResponse(Rows.uuid(r[0]), Rows.uuid(r[1]), Rows.integer(r[2]), (String) r[3], CommentText.html((String) r[4]),
                    Rows.instant(r[5]), Rows.integer(r[6])));
        }
        return page(items, limit, scope, CommentResponse::createdAt, CommentResponse::id);
    }

    /** The moderation queue: any status (or one), optionally one article's. */
    Page<ModeratedComment> forModeration(String status, UUID articleId, boolean newestFirst, String cursor, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select c.id, a.slug, c.parent_id, c.depth, c.author_name, c.author_email, c.body, c.status, "
                + "c.spam_reason, c.created_at, c.moderated_at, u.username, c.reply_count from comments c join articles a on a.id = c.article_id "
                + "left join users u on u.id = c.moderated_by where c.deleted_at is null");
        if (status != null) {
            sql.append(" and c.status = :status");
            params.put("status", status);
        }
        if (articleId != null) {
            sql.append(" and c.article_id = :article");
            params.put("article", articleId);
        }
        String scope = status + "|" + articleId + "|" + newestFirst;
        sql.append(" and ");
        keyset(sql, params, cursor, scope, newestFirst);
        sql.append(" order by c.created_at ").append(newestFirst ? "desc" : "asc").append(", c.id ").append(newestFirst ? "desc" : "asc")
                .append(" limit ").append(limit + 1);
        List<ModeratedComment> items = new ArrayList<>();
        for (Object[] r : rows(sql.toString(), params)) {
            items.add(moderated(r));
        }
        return page(items, limit, scope, ModeratedComment::createdAt, ModeratedComment::id);
    }

    ModeratedComment moderated(UUID id) {
        List<Object[]> rows = rows("select c.id, a.slug, c.parent_id, c.depth, c.author_name, c.author_email, c.body, c.status, c.spam_reason, "
                + "c.created_at, c.moderated_at, u.username, c.reply_count from comments c join articles a on a.id = c.article_id "
                + "left join users u on u.id = c.moderated_by where c.id = :id", Map.of("id", id));
        return moderated(rows.get(0));
    }

    /** Submissions from one client since {@code since}, oldest first (for the rate limit). */
    List<Instant> submissionsSince(String clientHash, Instant since) {
        List<Instant> times = new ArrayList<>();
        for (Object[] row : reads.list("select created_at from comments where client_hash = :client and created_at > :since "
                + "order by created_at", Map.of("client", clientHash, "since", since))) {
            times.add(Rows.instant(row[0]));
        }
        return times;
    }

    private static ModeratedComment moderated(Object[] r) {
        String text = (String) r[6];
        return new ModeratedComment(Rows.uuid(r[0]), (String) r[1], Rows.uuid(r[2]), Rows.integer(r[3]), (String) r[4], (String) r[5], text,
                CommentText.html(text), (String) r[7], (String) r[8], Rows.instant(r[9]), Rows.instant(r[10]), (String) r[11],
                Rows.integer(r[12]));
    }

    /** Appends the keyset condition of {@code cursor} (or {@code true}); a cursor of another query is a 400. */
    private static void keyset(StringBuilder sql, Map<String, Object> params, String cursor, String scope, boolean newestFirst) {
        if (cursor == null) {
            sql.append("true");
            return;
        }
        Cursors.TimeKey after = Cursors.timeKey(cursor, scope);
        params.put("afterTime", after.time());
        params.put("afterId", after.id());
        sql.append("(c.created_at, c.id) ").append(newestFirst ? "<" : ">").append(" (:afterTime, :afterId)");
    }

    private static <T> Page<T> page(List<T> items, int limit, String scope, java.util.function.Function<T, Instant> time,
            java.util.function.Function<T, UUID> id) {
        boolean more = items.size() > limit;
        List<T> shown = more ? items.subList(0, limit) : items;
        T last = more ? shown.get(shown.size() - 1) : null;
        return new Page<>(shown, last == null ? null : Cursors.afterTime(scope, time.apply(last), id.apply(last)));
    }

    private List<Object[]> rows(String sql, Map<String, Object> params) {
        return reads.list(sql, params);
    }
}
