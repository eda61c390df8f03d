package dispatch.tags.api;

/** A tag and where to find its articles. */
public record TagResponse(String slug, String name, String description, Links links) {

    public record Links(String self, String articles) {
    }
}
