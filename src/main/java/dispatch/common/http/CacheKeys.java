package dispatch.common.http;

import java.util.UUID;

/**
 * The names of surrogate keys: what a public response depends on. A response carries the keys of
 * everything it shows; a change purges the keys of what it changed. Lists carry the keys of their
 * items (content changes) and a list key per filter dimension (membership changes).
 */
public final class CacheKeys {

    /** Every list without a section, tag or author filter: any publish or unpublish may change it. */
    public static final String LATEST = "latest";
    /** Responses over the whole archive (sitemaps): any change to a published article. */
    public static final String ALL_ARTICLES = "articles-all";
    public static final String SECTIONS = "sections";
    public static final String TAGS = "tags";
    public static final String AUTHORS = "authors";
    /** Not on any response: purging it tells every instance that a scheduled time or embargo changed. */
    public static final String CLOCK = "visibility-clock";

    private CacheKeys() {
    }

    /** A set of keys, duplicates allowed. */
    public static java.util.Set<String> set(String... keys) {
        return new java.util.LinkedHashSet<>(java.util.List.of(keys));
    }

    public static String article(UUID id) {
        return "article-" + id;
    }

    public static String section(String slug) {
        return "section-" + slug;
    }

    public static String sectionList(String slug) {
        return "section-list-" + slug;
    }

    public static String tag(String slug) {
        return "tag-" + slug;
    }

    public static String tagList(String slug) {
        return "tag-list-" + slug;
    }

    public static String author(String slug) {
        return "author-" + slug;
    }

    public static String authorList(String slug) {
        return "author-list-" + slug;
    }

    public static String collection(String slug) {
        return "collection-" + slug;
    }

    public static String comments(UUID articleId) {
        return "comments-" + articleId;
    }

    public static String live(UUID articleId) {
        return "live-" + articleId;
    }
}
