package dispatch.articles.api;

import java.time.Instant;

/** One saved state of an article: who saved it, when, and by what action. */
public record RevisionSummary(int number, String action, Instant createdAt, String createdBy) {
}
