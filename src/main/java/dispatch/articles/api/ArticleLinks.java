package dispatch.articles.api;

/** Where an article lives: {@code self} in this API, {@code web} its canonical page on the site. */
public record ArticleLinks(String self, String web) {
}
