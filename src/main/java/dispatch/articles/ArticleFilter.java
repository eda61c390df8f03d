package dispatch.articles;

import dispatch.common.http.ProblemException;
import dispatch.common.http.QueryValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** What a list of articles is filtered and sorted by, parsed and validated from query parameters. */
record ArticleFilter(BooleanFilter section, BooleanFilter tag, BooleanFilter author, BooleanFilter type, String lang,
        List<String> ids, String q, Instant from, Instant to, Sort sort) {

    enum Sort { NEWEST, OLDEST, RELEVANCE }

    static final int MAX_IDS = 100;
    static final int MAX_QUERY_LENGTH = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Set<String> SORTS = Set.of("newest", "oldest", "relevance");

    static ArticleFilter parse(ArticleListParams p) {
        BooleanFilter type = BooleanFilter.parse(p.type(), "type");
        if (type != null) {
            for (String value : type.values()) {
                if (!ArticleType.ALL.contains(value)) {
                    throw ProblemException.badParameter("type", "unknown type '" + value + "'; allowed: "
                            + String.join(", ", ArticleType.ALL.stream().sorted().toList()));
                }
            }
        }
        String lang = p.lang();
        if (lang != null && !LANGUAGE.matcher(lang).matches()) {
            throw ProblemException.badParameter("lang", "must be a BCP 47 language tag such as en or es");
        }
        String q = QueryValues.bounded(p.q(), "q", MAX_QUERY_LENGTH);
        String sortName = QueryValues.oneOf(p.sort(), "sort", SORTS, "newest");
        Sort sort = Sort.valueOf(sortName.toUpperCase(java.util.Locale.ROOT));
        if (sort == Sort.RELEVANCE && q == null) {
            throw ProblemException.badParameter("sort", "relevance needs a search query q");
        }
        Instant from = QueryValues.instant(p.from(), "from", false);
        Instant to = QueryValues.instant(p.to(), "to", true);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badParameter("from", "must not be after 'to'");
        }
        List<String> ids = p.ids() == null ? null : QueryValues.list(p.ids(), "ids", MAX_IDS);
        return new ArticleFilter(BooleanFilter.parse(p.section(), "section"), BooleanFilter.parse(p.tag(), "tag"),
                BooleanFilter.parse(p.author(), "author"), type, lang, ids, q, from, to, sort);
    }

    /** Identifies the query a cursor was issued for: everything but paging and shaping parameters. */
    String fingerprint() {
        String canonical = String.join("\u0000", Objects.toString(section), Objects.toString(tag), Objects.toString(author),
                Objects.toString(type), Objects.toString(lang), Objects.toString(ids), Objects.toString(q),
                Objects.toString(from), Objects.toString(to), sort.name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
