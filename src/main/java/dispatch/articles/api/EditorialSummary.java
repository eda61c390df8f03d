package dispatch.articles.api;

import java.time.Instant;
import java.util.UUID;

/** An article in the newsroom's list: every status, most recently changed first. */
public record EditorialSummary(UUID id, String slug, String status, int version, String type, String headline, String section,
        String language, Instant publishedAt, Instant expireAt, Instant updatedAt, String createdBy) {
}
