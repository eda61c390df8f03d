package dispatch.articles.api;

import java.time.Instant;

/** A note appended to an article after publication, shown with it wherever it is served. */
public record Correction(String kind, String text, Instant createdAt) {
}
