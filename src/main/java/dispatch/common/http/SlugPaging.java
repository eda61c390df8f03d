package dispatch.common.http;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Paging of small catalogues (tags, authors) ordered by slug, with an optional name prefix {@code q}.
 * The cursor carries the prefix it was issued for, so it cannot be replayed against another query.
 */
public record SlugPaging(String prefix, String afterSlug, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static SlugPaging parse(String q, String cursor, String limit) {
        String prefix = QueryValues.bounded(q, "q", 100);
        String after = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            if (!parts.get(0).equals(Objects.toString(prefix, ""))) {
                throw ProblemException.badParameter("cursor", "this cursor belongs to a different query");
            }
            after = parts.get(1);
        }
        return new SlugPaging(prefix, after, QueryValues.limit(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }

    /** Builds the page from up to {@code limit + 1} rows: the extra row only tells that there is a next page. */
    public <E, T> Page<T> page(List<E> rows, Function<E, String> slugOf, Function<E, T> map) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? Cursors.encode(List.of(Objects.toString(prefix, ""), slugOf.apply(shown.get(shown.size() - 1)))) : null;
        return new Page<>(shown.stream().map(map).toList(), next);
    }

    public static String linkHeader(String apiUrl, UriInfo uri, Page<?> page) {
        return page.next() == null ? null : Links.nextHeader(Links.withCursor(apiUrl, uri, page.next()));
    }
}
