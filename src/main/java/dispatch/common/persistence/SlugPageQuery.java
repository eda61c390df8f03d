package dispatch.common.persistence;

import io.quarkus.panache.common.Parameters;

/**
 * The query of a keyset page over a table with a unique {@code slug} and a {@code name}: rows after a
 * slug, in slug order, optionally whose name or slug starts with a prefix (served by the
 * {@code lower(name) text_pattern_ops} index and the slug's unique index).
 */
public record SlugPageQuery(String hql, Parameters params) {

    public static SlugPageQuery of(String prefix, String afterSlug) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (prefix != null) {
            query.append(" and (lower(name) like :prefix or slug like :prefix)");
            params.and("prefix", LikePatterns.startsWith(prefix));
        }
        if (afterSlug != null) {
            query.append(" and slug > :after");
            params.and("after", afterSlug);
        }
        return new SlugPageQuery(query.append(" order by slug").toString(), params);
    }
}
