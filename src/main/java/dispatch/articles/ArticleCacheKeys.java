package dispatch.articles;

import dispatch.common.http.CacheKeys;
import dispatch.sections.SectionTree;
import dispatch.sections.api.SectionRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Which surrogate keys an article change purges: the article itself (its page, and every list,
 * feed and collection that shows it), the whole-archive responses, and, when it enters or leaves
 * lists (published, unpublished, moved, retagged), the lists of its sections (with ancestors),
 * tags and authors, before and after. A draft's edits purge nothing.
 */
final class ArticleCacheKeys {

    /** What lists an article belongs to, and whether readers can see it. */
    record State(UUID id, boolean visible, String status, List<String> sectionPath, Set<String> tags, Set<String> authors) {
    }

    private ArticleCacheKeys() {
    }

    static State state(Article article, boolean visible, SectionTree sections, java.util.function.Function<List<UUID>, List<String>> tagSlugs,
            java.util.function.Function<List<UUID>, List<String>> authorSlugs) {
        SectionRef ref = sections.ref(article.sectionId);
        return new State(article.id, visible, article.status, ref == null ? List.of() : ref.path().stream().map(SectionRef.PathItem::slug).toList(),
                Set.copyOf(tagSlugs.apply(article.tagIds)), Set.copyOf(authorSlugs.apply(article.authorIds)));
    }

    static Set<String> purge(State before, State after) {
        Set<String> keys = new LinkedHashSet<>();
        if (!before.visible() && !after.visible()) {
            return keys;
        }
        keys.add(CacheKeys.article(after.id()));
        keys.add(CacheKeys.ALL_ARTICLES);
        boolean membershipChanged = before.visible() != after.visible() || !Objects.equals(before.sectionPath(), after.sectionPath())
                || !before.tags().equals(after.tags()) || !before.authors().equals(after.authors());
        if (membershipChanged) {
            keys.add(CacheKeys.LATEST);
            for (State state : List.of(before, after)) {
                state.sectionPath().forEach(slug -> keys.add(CacheKeys.sectionList(slug)));
                state.tags().forEach(slug -> keys.add(CacheKeys.tagList(slug)));
                state.authors().forEach(slug -> keys.add(CacheKeys.authorList(slug)));
            }
        }
        return keys;
    }
}
