package dispatch.articles.api;

import java.time.Instant;

/** One published article as sitemaps list it: its canonical page, and for news sitemaps its title and language. */
public record SitemapEntry(String url, Instant lastModified, Instant publishedAt, String title, String language) {
}
