package dispatch.articles;

import dispatch.articles.api.EditorialSummary;
import dispatch.auth.CurrentUser;
import dispatch.common.http.Cursors;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.http.QueryValues;
import dispatch.common.persistence.Rows;
import dispatch.common.persistence.SqlReads;
import dispatch.sections.SectionTree;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newsroom's article list: every status (deleted ones aside), the public filters plus
 * {@code status}, most recently changed first, keyset-paged. Writers see their own articles only.
 */
@ApplicationScoped
class ArticleAdminQueries {

    static final Set<String> STATUSES = Set.of("draft", "scheduled", "published", "unpublished");

    private final SqlReads reads;
    private final ArticleQueries queries;
    private final SectionTree sections;

    ArticleAdminQueries(SqlReads reads, ArticleQueries queries, SectionTree sections) {
        this.reads = reads;
        this.queries = queries;
        this.sections = sections;
    }

    Page<EditorialSummary> list(ArticleAdminParams params, CurrentUser user) {
        ArticleFilter filter = ArticleFilter.parse(params.asListParams());
        int limit = QueryValues.limit(params.limit(), ArticleReadService.DEFAULT_LIMIT, ArticleReadService.MAX_LIMIT);
        List<String> statuses = params.status() == null ? List.of() : QueryValues.list(params.status(), "status", 4);
        for (String status : statuses) {
            if (!STATUSES.contains(status)) {
                throw ProblemException.badParameter("status", "unknown status '" + status + "'; allowed: draft, published, scheduled, unpublished");
            }
        }
        Map<String, Object> sqlParams = new HashMap<>();
        List<String> where = new ArrayList<>(List.of("a.deleted_at is null"));
        if (!user.isEditor()) {
            where.add("a.created_by = :me");
            sqlParams.put("me", user.id());
        }
        if (!statuses.isEmpty()) {
            where.add("a.status = any(:statuses)");
            sqlParams.put("statuses", statuses);
        }
        queries.addFilters(filter, where, sqlParams);
        String fingerprint = filter.fingerprint() + "|" + String.join(",", statuses);
        if (params.cursor() != null) {
            Cursors.TimeKey after = Cursors.timeKey(params.cursor(), fingerprint);
            sqlParams.put("afterUpdated", after.time());
            sqlParams.put("afterId", after.id());
            where.add("(a.updated_at, a.id) < (:afterUpdated, :afterId)");
        }
        String sql = "select a.id, a.slug, a.status, a.version, a.type, a.headline, a.section_id, a.language, "
                + "a.published_at, a.expire_at, a.updated_at, u.username from articles a left join users u on u.id = a.created_by where "
                + String.join(" and ", where) + " order by a.updated_at desc, a.id desc limit " + (limit + 1);
        List<EditorialSummary> items = new ArrayList<>();
        for (Object[] r : reads.list(sql, sqlParams)) {
            items.add(new EditorialSummary(Rows.uuid(r[0]), (String) r[1], (String) r[2], Rows.integer(r[3]), (String) r[4], (String) r[5],
                    sections.slugOf(Rows.uuid(r[6])), (String) r[7], Rows.instant(r[8]), Rows.instant(r[9]), Rows.instant(r[10]),
                    (String) r[11]));
        }
        boolean more = items.size() > limit;
        List<EditorialSummary> page = more ? items.subList(0, limit) : items;
        EditorialSummary last = more ? page.get(page.size() - 1) : null;
        return new Page<>(page, last == null ? null : Cursors.afterTime(fingerprint, last.updatedAt(), last.id()));
    }
}
