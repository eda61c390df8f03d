package dispatch.tags;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Resolves tag slugs to ids and back, for features that reference tags. */
@ApplicationScoped
public class TagLookup {

    private final TagRepository tags;

    TagLookup(TagRepository tags) {
        this.tags = tags;
    }

    public Map<String, UUID> idsBySlug(Collection<String> slugs) {
        Map<String, UUID> ids = new HashMap<>();
        if (!slugs.isEmpty()) {
            tags.list("slug in ?1", List.copyOf(slugs)).forEach(tag -> ids.put(tag.slug, tag.id));
        }
        return ids;
    }

    public Map<String, String> namesBySlug(Collection<String> slugs) {
        Map<String, String> names = new HashMap<>();
        if (!slugs.isEmpty()) {
            tags.list("slug in ?1", List.copyOf(slugs)).forEach(tag -> names.put(tag.slug, tag.name));
        }
        return names;
    }

    public Map<UUID, String> slugsById(Collection<UUID> ids) {
        Map<UUID, String> slugs = new HashMap<>();
        if (!ids.isEmpty()) {
            tags.list("id in ?1", List.copyOf(ids)).forEach(tag -> slugs.put(tag.id, tag.slug));
        }
        return slugs;
    }
}
