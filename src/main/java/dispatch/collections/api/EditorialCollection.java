package dispatch.collections.api;

import java.time.Instant;
import java.util.List;

/** A collection as editors see it: every article it names, published or not. */
public record EditorialCollection(String slug, String name, String description, List<String> articles, int version, Instant createdAt,
        Instant updatedAt) {
}
