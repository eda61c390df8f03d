package dispatch.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dispatch.articles.api.ArticleResponse;
import dispatch.articles.api.ArticleSummary;
import dispatch.articles.api.SitemapEntry;
import dispatch.auth.Partner;
import dispatch.common.http.CacheKeys;
import dispatch.common.http.Cursors;
import dispatch.common.http.Keyed;
import dispatch.common.http.FieldSelection;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.http.QueryValues;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What readers can get of articles: lists, one article, related articles. Each call costs a fixed
 * number of SQL statements whatever the page holds (rows come with their tags and authors).
 */
@ApplicationScoped
public class ArticleReadService {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int RELATED_DEFAULT_LIMIT = 10;
    static final int RELATED_MAX_LIMIT = 50;
    static final Set<String> INCLUDES = Set.of("body", "related");
    static final Set<String> DETAIL_FIELDS = componentNames(ArticleResponse.class);

    /** The outcome of reading one article by slug: the article, or the slug it moved to. */
    public record Lookup(ArticleResponse article, String movedTo, Set<String> keys) {
    }

    private final ArticleQueries queries;
    private final ArticleMapper mapper;
    private final ObjectMapper json;

    ArticleReadService(ArticleQueries queries, ArticleMapper mapper, ObjectMapper json) {
        this.queries = queries;
        this.mapper = mapper;
        this.json = json;
    }

    /**
     * A page of article summaries; {@code include} (or {@code fields} naming them) adds bodies and related articles.
     * A plain page holds the summary records themselves, written to bytes without a JSON tree in between; a page
     * that {@code include} or {@code fields} shapes holds trees.
     */
    public Keyed<Page<?>> list(ArticleListParams params, Partner partner) {
        Keyed<Page<Object>> page = page(params, partner, false);
        return new Keyed<>(page.value(), page.keys());
    }

    /** The same page with every item as a JSON tree, for renderers that read the items (feeds). */
    public Keyed<List<JsonNode>> listTrees(ArticleListParams params, Partner partner) {
        Keyed<Page<Object>> page = page(params, partner, true);
        return new Keyed<>(page.value().items().stream().map(JsonNode.class::cast).toList(), page.keys());
    }

    private Keyed<Page<Object>> page(ArticleListParams params, Partner partner, boolean trees) {
        ArticleFilter filter = ArticleFilter.parse(params);
        int limit = QueryValues.limit(params.limit(), DEFAULT_LIMIT, MAX_LIMIT);
        Set<String> include = params.include() == null ? Set.of() : new LinkedHashSet<>(QueryValues.list(params.include(), "include", 5));
        for (String name : include) {
            if (!INCLUDES.contains(name)) {
                throw ProblemException.badParameter("include", "unknown value '" + name + "'; allowed: body, related");
            }
        }
        FieldSelection fields = FieldSelection.parse(params.fields(), DETAIL_FIELDS);
        boolean withBody = include.contains("body") || params.fields() != null && (fields.includes("body") || fields.includes("bodyHtml"));
        boolean withRelated = include.contains("related") || params.fields() != null && fields.includes("related");

        if (withBody && partner != null && !partner.fullText()) {
            throw teaserOnly();
        }
        List<ArticleQueries.Row> rows = queries.list(filter, decodeCursor(params.cursor(), filter), limit + 1, withBody, partner);
        boolean more = rows.size() > limit;
        List<ArticleQueries.Row> page = more ? rows.subList(0, limit) : rows;

        List<UUID> ids = page.stream().map(ArticleQueries.Row::id).toList();
        Map<UUID, List<ArticleQueries.Row>> related = withRelated ? queries.explicitRelatedOf(ids, partner) : Map.of();
        Map<UUID, JsonNode> bodies = new HashMap<>();
        if (withBody) {
            page.forEach(r -> bodies.put(r.id(), parse(r.body())));
        }
        Map<String, ArticleQueries.Row> linked = withBody
                ? queries.visibleBySlugs(bodies.values().stream().flatMap(b -> ArticleBodies.relatedSlugs(b).stream()).collect(Collectors.toSet()),
                        partner)
                : Map.of();
        Map<String, ArticleBodies.RelatedLink> links = relatedLinks(linked);
        Set<UUID> all = new LinkedHashSet<>(ids);
        related.values().forEach(list -> list.forEach(r -> all.add(r.id())));

        Set<String> keys = listKeys(filter);
        all.forEach(id -> keys.add(CacheKeys.article(id)));
        linked.values().forEach(r -> keys.add(CacheKeys.article(r.id())));
        boolean plain = !trees && !withBody && !withRelated && fields.all();
        List<Object> items = new ArrayList<>(page.size());
        for (ArticleQueries.Row row : page) {
            if (plain) {
                items.add(mapper.summary(row));
                continue;
            }
            ObjectNode item = json.valueToTree(mapper.summary(row));
            if (withBody) {
                JsonNode blocks = ArticleBodies.publicBlocks(bodies.get(row.id()), links);
                item.set("body", blocks);
                item.put("bodyHtml", ArticleBodies.html(blocks));
                item.set("corrections", json.valueToTree(row.corrections()));
            }
            if (withRelated) {
                item.set("related", json.valueToTree(related.getOrDefault(row.id(), List.of()).stream()
                        .map(mapper::summary).toList()));
            }
            items.add(fields.apply(item));
        }
        return new Keyed<>(new Page<>(items, more ? encodeCursor(filter, page.get(page.size() - 1)) : null), keys);
    }

    /** The list keys of a filter: one per section, tag and author it names, or "latest" when it names none. */
    static Set<String> listKeys(ArticleFilter filter) {
        Set<String> keys = new LinkedHashSet<>(List.of(CacheKeys.SECTIONS, CacheKeys.TAGS, CacheKeys.AUTHORS));
        if (filter.section() == null && filter.tag() == null && filter.author() == null) {
            keys.add(CacheKeys.LATEST);
        }
        if (filter.section() != null) {
            filter.section().values().forEach(slug -> keys.add(CacheKeys.sectionList(slug)));
        }
        if (filter.tag() != null) {
            filter.tag().values().forEach(slug -> keys.add(CacheKeys.tagList(slug)));
        }
        if (filter.author() != null) {
            filter.author().values().forEach(slug -> keys.add(CacheKeys.authorList(slug)));
        }
        return keys;
    }

    /** The article readers can see under this slug, or where a former slug moved to; 404 otherwise. */
    public Lookup get(String slug, Partner partner) {
        ArticleQueries.Detail detail = queries.findVisibleDetailBySlug(slug, partner).orElse(null);
        if (detail == null) {
            return queries.currentSlugOfFormer(slug).filter(current -> visibleRow(current, partner).isPresent())
                    .map(current -> new Lookup(null, current, Set.of()))
                    .orElseThrow(() -> ProblemException.notFound("No published article with slug '" + slug + "'"));
        }
        Keyed<ArticleResponse> whole = whole(detail.article(), detail.related(), partner);
        return new Lookup(whole.value(), null, whole.keys());
    }

    /** An article in any status, as readers will see it once published: what a preview link shows. */
    public ArticleResponse preview(UUID id) {
        ArticleQueries.Row row = queries.findUndeletedById(id).orElseThrow(() -> ProblemException.notFound("The previewed article no longer exists"));
        return whole(row, queries.explicitRelatedOf(List.of(id), null).getOrDefault(id, List.of()), null).value();
    }

    /** Whether readers see an article in this state now; the same rule as {@link ArticleQueries#VISIBLE}, deletion included. */
    public boolean isVisible(String status, Instant publishedAt, Instant expireAt, Instant deletedAt) {
        Instant now = Instant.now();
        return deletedAt == null && ("published".equals(status) || "scheduled".equals(status)) && publishedAt != null
                && !publishedAt.isAfter(now) && (expireAt == null || expireAt.isAfter(now));
    }

    private Keyed<ArticleResponse> whole(ArticleQueries.Row row, List<ArticleQueries.Row> related, Partner partner) {
        JsonNode blocks = parse(row.body());
        Map<String, ArticleQueries.Row> linked = queries.visibleBySlugs(ArticleBodies.relatedSlugs(blocks), partner);
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(row.id());
        related.forEach(r -> ids.add(r.id()));
        ArticleResponse article = mapper.detail(mapper.summary(row), ArticleBodies.publicBlocks(blocks, relatedLinks(linked)),
                related.stream().map(mapper::summary).toList(), row.corrections());
        Set<String> keys = new LinkedHashSet<>();
        ids.forEach(id -> keys.add(CacheKeys.article(id)));
        linked.values().forEach(r -> keys.add(CacheKeys.article(r.id())));
        article.section().path().forEach(p -> keys.add(CacheKeys.section(p.slug())));
        article.tags().forEach(t -> keys.add(CacheKeys.tag(t.slug())));
        article.authors().forEach(a -> keys.add(CacheKeys.author(a.slug())));
        keys.add(CacheKeys.comments(row.id()));
        return new Keyed<>(article, keys);
    }

    /** The visible articles among {@code ids}, in the order given (the hidden ones drop out). */
    public List<ArticleSummary> summaries(java.util.Collection<UUID> ids, Partner partner) {
        Map<UUID, ArticleQueries.Row> rows = new java.util.HashMap<>();
        queries.visibleByIds(ids, partner).forEach(row -> rows.put(row.id(), row));
        return ids.stream().filter(rows::containsKey).map(id -> mapper.summary(rows.get(id))).toList();
    }

    /** Sitemap files: one per month (UTC, "2023-08") that has published articles, with its last change. */
    public Map<String, Instant> sitemapMonths(Partner partner) {
        Map<String, Instant> months = new java.util.LinkedHashMap<>();
        for (Object[] row : queries.visibleMonths(partner)) {
            months.put((String) row[0], dispatch.common.persistence.Rows.instant(row[1]));
        }
        return months;
    }

    /** Published articles of [from, to), oldest first, as sitemaps list them. */
    public List<SitemapEntry> sitemapEntries(Instant from, Instant to, int limit, Partner partner) {
        return queries.visiblePublishedBetween(from, to, limit, partner).stream()
                .map(row -> new SitemapEntry(mapper.relatedLink(row).webUrl(), row.updatedAt(), row.publishedAt(), row.headline(), row.language()))
                .toList();
    }

    /** The type of an undeleted article in any status (editorial checks); empty if there is none. */
    public Optional<String> typeOf(UUID id) {
        return queries.findUndeletedById(id).map(ArticleQueries.Row::type);
    }

    /** Those of these live articles readers can see now (for the streams still open on them). */
    public java.util.Set<UUID> visibleLive(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.Set.of() : queries.visibleAmong(ids).entrySet().stream().filter(e -> "live".equals(e.getValue()))
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
    }

    /** Whether readers can see this article now. */
    public boolean isVisible(UUID id) {
        return queries.visibleAmong(List.of(id)).containsKey(id);
    }

    /** The id of the live article this reader (a partner, or anyone when null) can see under this slug; empty for anything else. */
    public Optional<UUID> visibleLiveIdBySlug(String slug, Partner partner) {
        return visibleRow(slug, partner).filter(row -> "live".equals(row.type())).map(ArticleQueries.Row::id);
    }

    /** What {@code related} blocks link to, for bodies outside articles (live entries): published targets only. */
    public Map<String, ArticleBodies.RelatedLink> resolveRelated(java.util.Collection<String> slugs) {
        return relatedLinks(queries.visibleBySlugs(slugs, null));
    }

    /** The id of the article this reader (a partner, or anyone when null) can see under this current slug. */
    public Optional<UUID> visibleIdBySlug(String slug, Partner partner) {
        return visibleRow(slug, partner).map(ArticleQueries.Row::id);
    }

    /** Comment counts of the articles among these slugs this reader can see (a stored count: no rows are counted). */
    public Map<String, Integer> commentCounts(java.util.Collection<String> slugs, Partner partner) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        queries.visibleBySlugs(slugs, partner).values().forEach(row -> counts.put(row.slug(), row.commentCount()));
        return counts;
    }

    /** Ids of undeleted articles by slug, whatever their status: for features that reference articles. */
    public Map<String, UUID> idsBySlug(java.util.Collection<String> slugs) {
        return queries.idsBySlug(slugs);
    }

    public Map<UUID, String> slugsById(java.util.Collection<UUID> ids) {
        return queries.slugsById(ids);
    }

    /** Articles related to a visible one: the editor's picks, then by shared tags, section and recency. */
    public Keyed<Page<ArticleSummary>> related(String slug, String limitParam, Partner partner) {
        int limit = QueryValues.limit(limitParam, RELATED_DEFAULT_LIMIT, RELATED_MAX_LIMIT);
        ArticleQueries.Row row = queries.findVisibleBySlug(slug, partner)
                .orElseThrow(() -> ProblemException.notFound("No published article with slug '" + slug + "'"));
        List<ArticleQueries.Row> related = queries.related(row.id(), row.sectionId(), limit, partner);
        List<UUID> ids = related.stream().map(ArticleQueries.Row::id).toList();
        List<ArticleSummary> items = related.stream().map(mapper::summary).toList();
        // related articles change when articles sharing its tags or section are published or unpublished
        Set<String> keys = new LinkedHashSet<>(List.of(CacheKeys.article(row.id()), CacheKeys.SECTIONS, CacheKeys.TAGS, CacheKeys.AUTHORS));
        ids.forEach(id -> keys.add(CacheKeys.article(id)));
        // the article's own tags and section name the lists its related articles come from
        row.tags().forEach(t -> keys.add(CacheKeys.tagList(t.slug())));
        mapper.summary(row).section().path().forEach(p -> keys.add(CacheKeys.sectionList(p.slug())));
        return new Keyed<>(new Page<>(items, null), keys);
    }

    static ProblemException teaserOnly() {
        return new ProblemException(403, "FORBIDDEN", "Forbidden", "This API key gives teasers only: body and bodyHtml are not included",
                null, null);
    }

    /** The visible article under this slug, its summary columns only: enough to know it is there, its id and type. */
    private Optional<ArticleQueries.Row> visibleRow(String slug, Partner partner) {
        return Optional.ofNullable(queries.visibleBySlugs(List.of(slug), partner).get(slug));
    }

    private Map<String, ArticleBodies.RelatedLink> relatedLinks(Map<String, ArticleQueries.Row> rows) {
        return rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> mapper.relatedLink(e.getValue())));
    }

    private JsonNode parse(String body) {
        try {
            return body == null ? json.createArrayNode() : json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored article body is not JSON", e);
        }
    }

    private static String encodeCursor(ArticleFilter filter, ArticleQueries.Row last) {
        return Cursors.encode(List.of(filter.fingerprint(), last.publishedAt().toString(), last.id().toString(),
                last.rank() == null ? "" : Integer.toString(Float.floatToIntBits(last.rank()))));
    }

    private static ArticleQueries.Keyset decodeCursor(String cursor, ArticleFilter filter) {
        if (cursor == null) {
            return null;
        }
        List<String> parts = Cursors.decode(cursor, 4);
        if (!parts.get(0).equals(filter.fingerprint())) {
            throw ProblemException.badParameter("cursor", "this cursor belongs to a different query (filters or sort changed)");
        }
        try {
            Float rank = parts.get(3).isEmpty() ? null : Float.intBitsToFloat(Integer.parseInt(parts.get(3)));
            if (filter.sort() == ArticleFilter.Sort.RELEVANCE && rank == null) {
                throw new IllegalArgumentException();
            }
            return new ArticleQueries.Keyset(rank, Instant.parse(parts.get(1)), UUID.fromString(parts.get(2)));
        } catch (RuntimeException e) {
            throw ProblemException.badParameter("cursor", "not a cursor this API issued; use the 'next' value of a previous page");
        }
    }

    private static Set<String> componentNames(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toUnmodifiableSet());
    }

}
