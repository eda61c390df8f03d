package dispatch.articles.api;

/** A picture with its caption, credit, alt text and size (pixels). */
public record ImageResponse(String url, String caption, String credit, String alt, Integer width, Integer height) {
}
