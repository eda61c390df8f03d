package dispatch.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.common.http.CacheKeys;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ArticleCacheKeysTest {

    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    static ArticleCacheKeys.State state(boolean visible, List<String> path, Set<String> tags) {
        return new ArticleCacheKeys.State(ID, visible, visible ? "published" : "draft", path, tags, Set.of("amira"));
    }

    @Test
    void draftEditsPurgeNothing() {
        assertEquals(Set.of(), ArticleCacheKeys.purge(state(false, List.of("news"), Set.of()), state(false, List.of("news"), Set.of("a"))));
    }

    @Test
    void aContentEditPurgesTheArticleAndWholeArchiveOnly() {
        var s = state(true, List.of("news", "russia"), Set.of("libya"));
        assertEquals(Set.of(CacheKeys.article(ID), CacheKeys.ALL_ARTICLES), ArticleCacheKeys.purge(s, s));
    }

    @Test
    void publishingPurgesEveryListTheArticleEnters() {
        assertEquals(Set.of(CacheKeys.article(ID), CacheKeys.ALL_ARTICLES, CacheKeys.LATEST, "section-list-news", "section-list-russia",
                "tag-list-libya", "author-list-amira"),
                ArticleCacheKeys.purge(state(false, List.of("news", "russia"), Set.of("libya")), state(true, List.of("news", "russia"), Set.of("libya"))));
    }

    @Test
    void retaggingPurgesTheListsOfOldAndNewTags() {
        Set<String> keys = ArticleCacheKeys.purge(state(true, List.of("news"), Set.of("old")), state(true, List.of("news"), Set.of("new")));
        assertEquals(true, keys.containsAll(Set.of("tag-list-old", "tag-list-new", CacheKeys.LATEST)));
    }
}
