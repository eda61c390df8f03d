package dispatch.articles;

import dispatch.articles.api.Correction;
import dispatch.auth.Partner;
import dispatch.authors.api.AuthorRef;
import dispatch.common.persistence.Rows;
import dispatch.common.persistence.SqlReads;
import dispatch.sections.SectionTree;
import dispatch.tags.api.TagRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The read side of articles: native SQL shaped for the indexes (keyset paging, no OFFSET), returning
 * rows for a whole page at once, each row with its tags and authors (and, for an article's own row,
 * its corrections) gathered by subselects on their indexes: a page of summaries is one statement,
 * and an article one (itself and its related articles) or two (and the articles its body links to).
 *
 * <p>Only what readers may see is ever selected: {@link #VISIBLE}.
 */
@ApplicationScoped
public class ArticleQueries {

    /** Published (or scheduled) and its time has come, and not past its embargo end. Matches the partial indexes. */
    static final String VISIBLE = "a.status in ('published', 'scheduled') and a.published_at <= now()"
            + " and (a.expire_at is null or a.expire_at > now()) and a.deleted_at is null";

    private static final String SUMMARY_COLUMNS = "a.id, a.slug, a.type, a.headline, a.social_headline, a.standfirst, "
            + "a.language, a.section_id, a.published_at, a.updated_at, a.word_count, a.comment_count, "
            + "i.url, i.caption, i.credit, i.alt_text, i.width, i.height, a.audio::text";
    private static final String FROM = " from articles a left join images i on i.id = a.hero_image_id ";
    /** The row's tags and authors in the editor's order, as {slug, name} pairs. */
    private static final String TAXONOMY = ", array(select array[t.slug, t.name] from article_tags at join tags t on t.id = at.tag_id"
            + " where at.article_id = a.id order by at.position)"
            + ", array(select array[au.slug, au.name] from article_authors aa join authors au on au.id = aa.author_id"
            + " where aa.article_id = a.id order by aa.position)";
    /** For rows that only link (sitemaps, related links, counts): no tags or authors. */
    private static final String NO_TAXONOMY = ", null, null";
    /** The row's corrections and update notes, oldest first, as {kind, text, microseconds since the epoch} triples. */
    private static final String CORRECTIONS = ", array(select array[c.kind, c.text, cast(cast(extract(epoch from c.created_at) * 1000000 as bigint) as text)]"
            + " from article_corrections c where c.article_id = a.id order by c.created_at, c.id)";
    /** How many of the newest matches a relevance-sorted search ranks. */
    static final int RANKED_MATCHES = 1000;
    private static final String TS_QUERY_ALL_LANGUAGES = "(websearch_to_tsquery('english', :q) || websearch_to_tsquery('spanish', :q)"
            + " || websearch_to_tsquery('simple', :q))";

    /**
     * One article row; {@code body} and {@code corrections} only when asked for, {@code rank} only in
     * relevance order, {@code tags} and {@code authors} empty for rows that only link.
     */
    record Row(UUID id, String slug, String type, String headline, String socialHeadline, String standfirst, String language,
            UUID sectionId, Instant publishedAt, Instant updatedAt, int wordCount, int commentCount, String imageUrl,
            String imageCaption, String imageCredit, String imageAlt, Integer imageWidth, Integer imageHeight, String audio, String body,
            Float rank, List<TagRef> tags, List<AuthorRef> authors, List<Correction> corrections) {
    }

    /** Where the previous page ended, in the list's sort order. */
    record Keyset(Float rank, Instant publishedAt, UUID id) {
    }

    private final SqlReads reads;
    private final SectionTree sections;

    ArticleQueries(SqlReads reads, SectionTree sections) {
        this.reads = reads;
        this.sections = sections;
    }

    /** Up to {@code limit} visible articles matching the filter, after {@code after} in its sort order. */
    List<Row> list(ArticleFilter filter, Keyset after, int limit, boolean withBody, Partner partner) {
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>(List.of(VISIBLE));
        addPartnerScope(partner, where, params);
        String tsQuery = addFilters(filter, where, params);
        String rank = tsQuery == null ? null : "ts_rank(a.search_vector, " + tsQuery + ")";
        String order;
        switch (filter.sort()) {
            case OLDEST -> {
                order = "a.published_at asc, a.id asc";
                if (after != null) {
                    where.add("(a.published_at, a.id) > (:afterPublished, :afterId)");
                }
            }
            case RELEVANCE -> {
                order = rank + " desc, a.published_at desc, a.id desc";
                if (after != null) {
                    params.put("afterRank", after.rank());
                }
            }
            default -> {
                order = "a.published_at desc, a.id desc";
                if (after != null) {
                    where.add("(a.published_at, a.id) < (:afterPublished, :afterId)");
                }
            }
        }
        if (after != null) {
            params.put("afterPublished", after.publishedAt());
            params.put("afterId", after.id());
        }
        String columns = "select " + SUMMARY_COLUMNS + (withBody ? ", a.body::text" : ", null") + ", ";
        String sql;
        if (filter.sort() == ArticleFilter.Sort.RELEVANCE) {
            // Rank only the newest matches: a common word matches much of the archive, and ranking all
            // of it costs seconds (docs/benchmarks.md). The rank keyset applies within them.
            // Images are joined to the page only: joined to the candidates, they were hashed whole.
            String candidates = "select * from articles a where " + String.join(" and ", where)
                    + " order by a.published_at desc, a.id desc limit " + RANKED_MATCHES;
            String page = "select a.*, " + rank + " as rank from (" + candidates + ") a "
                    + (after == null ? "" : "where (" + rank + ", a.published_at, a.id) < (cast(:afterRank as real), :afterPublished, :afterId) ")
                    + "order by " + order + " limit " + limit;
            sql = columns + "a.rank" + TAXONOMY + (withBody ? CORRECTIONS : ", null") + " from (" + page + ") a left join images i on i.id = a.hero_image_id "
                    + "order by a.rank desc, a.published_at desc, a.id desc";
        } else {
            sql = columns + "null" + TAXONOMY + (withBody ? CORRECTIONS : ", null") + FROM + "where " + String.join(" and ", where) + " order by " + order + " limit " + limit;
        }
        // a text search's best plan depends on how common its words are: plan it for them
        return rows(tsQuery == null ? reads.list(sql, params) : reads.listPlannedForValues(sql, params));
    }

    /** Adds the filter's conditions; returns the tsquery expression when there is a search, else null. */
    String addFilters(ArticleFilter filter, List<String> where, Map<String, Object> params) {
        String tsQuery = null;
        if (filter.q() != null) {
            tsQuery = filter.lang() != null ? "websearch_to_tsquery(news_ts_config(:lang), :q)" : TS_QUERY_ALL_LANGUAGES;
            where.add("a.search_vector @@ " + tsQuery);
            params.put("q", filter.q());
        }
        if (filter.lang() != null) {
            where.add("(a.language = :lang or a.language like :langPrefix)");
            params.put("lang", filter.lang());
            params.put("langPrefix", filter.lang() + "-%");
        }
        addSectionFilter(filter.section(), where, params);
        addLinkFilter(filter.tag(), "article_tags", "tag_id", "tags", where, params, "tag");
        addLinkFilter(filter.author(), "article_authors", "author_id", "authors", where, params, "author");
        addTypeFilter(filter.type(), where, params);
        if (filter.ids() != null) {
            List<UUID> ids = new ArrayList<>();
            List<String> slugs = new ArrayList<>();
            for (String value : filter.ids()) {
                try {
                    ids.add(UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    slugs.add(value);
                }
            }
            where.add("(a.id = any(:ids) or a.slug = any(:idSlugs))");
            params.put("ids", ids.isEmpty() ? List.of(new UUID(0, 0)) : ids);
            params.put("idSlugs", slugs.isEmpty() ? List.of("") : slugs);
        }
        if (filter.from() != null) {
            where.add("a.published_at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("a.published_at < :to");
            params.put("to", filter.to());
        }
        return tsQuery;
    }

    /** Those of these articles readers can see now, with their types. */
    Map<UUID, String> visibleAmong(java.util.Collection<UUID> ids) {
        Map<UUID, String> visible = new HashMap<>();
        reads.list("select a.id, a.type from articles a where a.id = any(:ids) and " + VISIBLE, Map.of("ids", List.copyOf(ids)))
                .forEach(row -> visible.put((UUID) row[0], (String) row[1]));
        return visible;
    }

    /** The visible article with this current slug, with its tags and authors (no body). */
    Optional<Row> findVisibleBySlug(String slug, Partner partner) {
        Map<String, Object> params = new HashMap<>(Map.of("slug", slug));
        return rows(reads.list("select " + SUMMARY_COLUMNS + ", null, null" + TAXONOMY + ", null" + FROM
                + "where a.slug = :slug and " + scoped(partner, params), params)).stream().findFirst();
    }

    /** A visible article and the visible articles its editors related to it, in their order. */
    record Detail(Row article, List<Row> related) {
    }

    /**
     * The visible article with this current slug, with its body, and its related articles: one
     * statement, the article's row first (the slug is unique, so the related rows are its own).
     */
    Optional<Detail> findVisibleDetailBySlug(String slug, Partner partner) {
        Map<String, Object> params = new HashMap<>(Map.of("slug", slug));
        String scope = scoped(partner, params);
        List<Object[]> results = reads.list("select " + SUMMARY_COLUMNS + ", a.body::text, null" + TAXONOMY + CORRECTIONS
                + ", 0 as part, 0 as position" + FROM + "where a.slug = :slug and " + scope
                + " union all select " + SUMMARY_COLUMNS + ", null, null" + TAXONOMY + ", null, 1, r.position" + FROM
                + "join article_related r on r.related_id = a.id join articles o on o.id = r.article_id where o.slug = :slug "
                + "and o.status <> 'draft' and " + scope
                + " order by part, position", params);
        if (results.isEmpty() || ((Number) results.get(0)[24]).intValue() != 0) {
            return Optional.empty();
        }
        List<Row> rows = rows(results);
        return Optional.of(new Detail(rows.get(0), rows.subList(1, rows.size())));
    }

    /** VISIBLE, narrowed to what the partner may see. */
    private String scoped(Partner partner, Map<String, Object> params) {
        List<String> where = new ArrayList<>(List.of(VISIBLE));
        addPartnerScope(partner, where, params);
        return String.join(" and ", where);
    }

    /** Any article that is not deleted, whatever its status, with its body: what a preview shows. */
    Optional<Row> findUndeletedById(UUID id) {
        return rows(reads.list("select " + SUMMARY_COLUMNS + ", a.body::text, null" + TAXONOMY + CORRECTIONS + FROM
                + "where a.id = :id and a.deleted_at is null", Map.of("id", id))).stream().findFirst();
    }

    /** The corrections and update notes of one article, oldest first: what the editorial view shows. */
    List<Correction> correctionsOf(UUID articleId) {
        return reads.list("select kind, text, created_at from article_corrections where article_id = :id order by created_at, id",
                Map.of("id", articleId)).stream().map(r -> new Correction((String) r[0], (String) r[1], Rows.instant(r[2]))).toList();
    }

    /** Restricts to what a partner's key may see: articles in its sections (and descendants) and with one of its tags. */
    void addPartnerScope(Partner partner, List<String> where, Map<String, Object> params) {
        if (partner == null) {
            return;
        }
        if (!partner.sections().isEmpty()) {
            Set<UUID> ids = new java.util.HashSet<>();
            partner.sections().forEach(slug -> ids.addAll(sections.subtreeIds(slug)));
            if (ids.isEmpty()) {
                where.add("false");
            } else {
                where.add("a.section_id = any(:partnerSections)");
                params.put("partnerSections", ids);
            }
        }
        if (!partner.tags().isEmpty()) {
            where.add("exists (select 1 from article_tags pl join tags pt on pt.id = pl.tag_id where pl.article_id = a.id and pt.slug = any(:partnerTags))");
            params.put("partnerTags", partner.tags());
        }
    }

    /** The current slug of the visible article that once had {@code formerSlug}. */
    Optional<String> currentSlugOfFormer(String formerSlug) {
        return reads.list("select a.slug from article_slug_history h join articles a on a.id = h.article_id "
                + "where h.slug = :slug and " + VISIBLE, Map.of("slug", formerSlug)).stream().findFirst().map(r -> (String) r[0]);
    }

    /** The editor's related articles of many articles in one statement, visible ones only, in the editor's order. */
    Map<UUID, List<Row>> explicitRelatedOf(Collection<UUID> articleIds, Partner partner) {
        Map<UUID, List<Row>> related = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return related;
        }
        Map<String, Object> params = new HashMap<>(Map.of("ids", articleIds));
        String sql = "select " + SUMMARY_COLUMNS + ", null, null" + TAXONOMY + ", null, r.article_id" + FROM
                + "join article_related r on r.related_id = a.id where r.article_id = any(:ids) and " + scoped(partner, params)
                + " order by r.article_id, r.position";
        for (Object[] r : reads.list(sql, params)) {
            related.computeIfAbsent(Rows.uuid(r[24]), k -> new ArrayList<>()).add(row(r));
        }
        return related;
    }

    /**
     * Related articles: the editor's picks first, then articles sharing the most tags (each tag's newest
     * 200 only, so the cost stays bounded), then the same section, newer before older.
     */
    List<Row> related(UUID articleId, UUID sectionId, int limit, Partner partner) {
        Map<String, Object> params = new HashMap<>(Map.of("id", articleId, "section", sectionId));
        String candidates = "select r.related_id as id, 1000000 - r.position as score from article_related r where r.article_id = :id "
                + "union all "
                + "select t.article_id, 10 * count(*) from article_tags mine cross join lateral ("
                + "  select x.article_id from article_tags x join articles a on a.id = x.article_id"
                + "  where x.tag_id = mine.tag_id and x.article_id <> :id and " + VISIBLE
                + "  order by a.published_at desc limit 200) t where mine.article_id = :id group by t.article_id "
                + "union all "
                + "(select a.id, 5 from articles a where a.section_id = :section and a.id <> :id and " + VISIBLE
                + "  order by a.published_at desc limit 100)";
        String sql = "select " + SUMMARY_COLUMNS + ", null, null" + TAXONOMY + ", null" + FROM
                + "join (select c.id, max(c.score) + case when bool_or(ar.section_id = :section) then 5 else 0 end as score"
                + "      from (" + candidates + ") c join articles ar on ar.id = c.id group by c.id) s on s.id = a.id "
                + "where " + scoped(partner, params) + " order by s.score desc, a.published_at desc, a.id desc limit " + limit;
        return rows(reads.list(sql, params));
    }

    /** Visible articles among these ids, in no particular order. */
    List<Row> visibleByIds(Collection<UUID> ids, Partner partner) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("ids", ids));
        return rows(reads.list("select " + SUMMARY_COLUMNS + ", null, null" + TAXONOMY + ", null" + FROM
                + "where a.id = any(:ids) and " + scoped(partner, params), params));
    }

    /** Ids of undeleted articles by slug, whatever their status (editorial references). */
    Map<String, UUID> idsBySlug(Collection<String> slugs) {
        Map<String, UUID> ids = new HashMap<>();
        if (!slugs.isEmpty()) {
            // drafts may share a slug (they claim none): the article readers know under it comes first, then the newest draft
            for (Object[] r : reads.list("select distinct on (slug) slug, id from articles where slug = any(:slugs) and deleted_at is null "
                    + "order by slug, status = 'draft', updated_at desc", Map.of("slugs", slugs))) {
                ids.put((String) r[0], Rows.uuid(r[1]));
            }
        }
        return ids;
    }

    /** Slugs of articles by id, whatever their status. */
    Map<UUID, String> slugsById(Collection<UUID> ids) {
        Map<UUID, String> slugs = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object[] r : reads.list("select id, slug from articles where id = any(:ids)", Map.of("ids", ids))) {
                slugs.put(Rows.uuid(r[0]), (String) r[1]);
            }
        }
        return slugs;
    }

    /** Months (UTC) that have visible articles, newest first, with the last change in each. */
    List<Object[]> visibleMonths(Partner partner) {
        Map<String, Object> params = new HashMap<>();
        return reads.list("select to_char(a.published_at at time zone 'UTC', 'YYYY-MM'), max(a.updated_at) from articles a "
                + "where " + scoped(partner, params) + " group by 1 order by 1 desc", params);
    }

    /** Visible articles published in [from, to), oldest first, at most {@code limit}. */
    List<Row> visiblePublishedBetween(Instant from, Instant to, int limit, Partner partner) {
        Map<String, Object> params = new HashMap<>(Map.of("from", from, "to", to));
        return rows(reads.list("select " + SUMMARY_COLUMNS + ", null, null" + NO_TAXONOMY + ", null" + FROM + "where " + scoped(partner, params)
                + " and a.published_at >= :from and a.published_at < :to order by a.published_at, a.id limit " + limit, params));
    }

    /** Visible articles by current slug, for resolving {@code related} body blocks. */
    Map<String, Row> visibleBySlugs(Collection<String> slugs, Partner partner) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        Map<String, Row> bySlug = new HashMap<>();
        Map<String, Object> params = new HashMap<>(Map.of("slugs", slugs));
        for (Row row : rows(reads.list("select " + SUMMARY_COLUMNS + ", null, null" + NO_TAXONOMY + ", null" + FROM
                + "where a.slug = any(:slugs) and " + scoped(partner, params), params))) {
            bySlug.put(row.slug(), row);
        }
        return bySlug;
    }



    private void addSectionFilter(BooleanFilter filter, List<String> where, Map<String, Object> params) {
        if (filter == null) {
            return;
        }
        addBoolean(filter, where, (term, name) -> {
            Set<UUID> ids = sections.subtreeIds(term.value());
            if (ids.isEmpty()) {
                return "false";
            }
            params.put(name, ids);
            return "a.section_id = any(:" + name + ")";
        }, "section");
    }

    private void addTypeFilter(BooleanFilter filter, List<String> where, Map<String, Object> params) {
        if (filter == null) {
            return;
        }
        addBoolean(filter, where, (term, name) -> {
            params.put(name, term.value());
            return "a.type = :" + name;
        }, "type");
    }

    private static void addLinkFilter(BooleanFilter filter, String linkTable, String linkColumn, String table, List<String> where,
            Map<String, Object> params, String prefix) {
        if (filter == null) {
            return;
        }
        addBoolean(filter, where, (term, name) -> {
            params.put(name, term.value());
            return "exists (select 1 from " + linkTable + " l join " + table + " x on x.id = l." + linkColumn
                    + " where l.article_id = a.id and x.slug = :" + name + ")";
        }, prefix);
    }

    private interface TermSql {
        String sql(BooleanFilter.Term term, String parameterName);
    }

    /** (t1 or t2) and (t3) ... with each term negated as asked. */
    private static void addBoolean(BooleanFilter filter, List<String> where, TermSql termSql, String prefix) {
        int n = 0;
        for (List<BooleanFilter.Term> anyOf : filter.allOf()) {
            List<String> disjuncts = new ArrayList<>();
            for (BooleanFilter.Term term : anyOf) {
                String sql = termSql.sql(term, prefix + n++);
                disjuncts.add(term.negated() ? "not (" + sql + ")" : "(" + sql + ")");
            }
            where.add("(" + String.join(" or ", disjuncts) + ")");
        }
    }

    private static List<Row> rows(List<Object[]> results) {
        List<Row> rows = new ArrayList<>();
        for (Object[] r : results) {
            rows.add(row(r));
        }
        return rows;
    }

    private static Row row(Object[] r) {
        return new Row(Rows.uuid(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], Rows.uuid(r[7]), Rows.instant(r[8]), Rows.instant(r[9]), Rows.integer(r[10]),
                Rows.integer(r[11]), (String) r[12], (String) r[13], (String) r[14], (String) r[15], Rows.integer(r[16]),
                Rows.integer(r[17]), Rows.string(r[18]), Rows.string(r[19]), r[20] == null ? null : ((Number) r[20]).floatValue(),
                tuples(r[21], t -> new TagRef(t[0], t[1])), tuples(r[22], t -> new AuthorRef(t[0], t[1])),
                tuples(r[23], t -> new Correction(t[0], t[1], Instant.EPOCH.plus(Long.parseLong(t[2]), ChronoUnit.MICROS))));
    }

    /** A two-dimensional text array (one inner array per item) as a list; null as an empty list. */
    private static <T> List<T> tuples(Object array, java.util.function.Function<String[], T> item) {
        if (array == null) {
            return List.of();
        }
        Object[] rows = (Object[]) array;
        List<T> items = new ArrayList<>(rows.length);
        for (Object row : rows) {
            Object[] fields = (Object[]) row;
            String[] text = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                text[i] = (String) fields[i];
            }
            items.add(item.apply(text));
        }
        return items;
    }
}
