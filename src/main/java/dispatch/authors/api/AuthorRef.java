package dispatch.authors.api;

/** An author as articles embed it (a byline). */
public record AuthorRef(String slug, String name) {
}
