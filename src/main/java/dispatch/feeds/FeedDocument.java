package dispatch.feeds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A feed independent of its format: what RSS, Atom and JSON Feed all say. */
record FeedDocument(String title, String description, String siteUrl, String selfUrl, String language, Instant updated, List<Item> items) {

    /** {@code contentHtml} is null when the reader may have summaries only; {@code language} is the article's own. */
    record Item(UUID id, String title, String url, String summary, String contentHtml, Instant published, Instant updated,
            List<String> authors, List<String> categories, Image image, Audio audio, String language) {
    }

    record Image(String url, Integer width, Integer height, String caption, String credit, String alt) {
    }

    record Audio(String url, String mimeType, long sizeBytes, Long durationSeconds, String title) {
    }
}
