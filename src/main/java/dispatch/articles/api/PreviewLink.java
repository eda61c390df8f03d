package dispatch.articles.api;

import java.time.Instant;

/** A signed, expiring URL that shows an unpublished article as readers would see it. */
public record PreviewLink(String url, Instant expiresAt) {
}
