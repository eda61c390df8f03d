package dispatch.cards;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What a social card or link preview needs, ready for Open Graph and X/Twitter meta tags, plus a
 * schema.org {@code NewsArticle} object for a JSON-LD script.
 */
public record Card(String title, String description, String url, Image image, String siteName, String type, String locale,
        Instant publishedTime, Instant modifiedTime, String section, List<String> tags, List<Author> authors, String twitterCard,
        JsonNode jsonLd) {

    public record Image(String url, Integer width, Integer height, String alt) {
    }

    /** A byline for {@code article:author}: the name, and the profile page. */
    public record Author(String name, String url) {
    }
}
