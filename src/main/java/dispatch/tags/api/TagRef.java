package dispatch.tags.api;

/** A tag as articles embed it. */
public record TagRef(String slug, String name) {
}
