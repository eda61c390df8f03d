package dispatch.authors.api;

/** An author's public profile. */
public record AuthorResponse(String slug, String name, String bio, String avatarUrl, Links links) {

    public record Links(String self, String articles, String web) {
    }
}
