package dispatch.authors;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Resolves author slugs to ids and back, for features that reference authors. */
@ApplicationScoped
public class AuthorLookup {

    private final AuthorRepository authors;

    AuthorLookup(AuthorRepository authors) {
        this.authors = authors;
    }

    public Map<String, UUID> idsBySlug(Collection<String> slugs) {
        Map<String, UUID> ids = new HashMap<>();
        if (!slugs.isEmpty()) {
            authors.list("slug in ?1", List.copyOf(slugs)).forEach(author -> ids.put(author.slug, author.id));
        }
        return ids;
    }

    public Map<String, String> namesBySlug(Collection<String> slugs) {
        Map<String, String> names = new HashMap<>();
        if (!slugs.isEmpty()) {
            authors.list("slug in ?1", List.copyOf(slugs)).forEach(author -> names.put(author.slug, author.name));
        }
        return names;
    }

    public Map<UUID, String> slugsById(Collection<UUID> ids) {
        Map<UUID, String> slugs = new HashMap<>();
        if (!ids.isEmpty()) {
            authors.list("id in ?1", List.copyOf(ids)).forEach(author -> slugs.put(author.id, author.slug));
        }
        return slugs;
    }
}
