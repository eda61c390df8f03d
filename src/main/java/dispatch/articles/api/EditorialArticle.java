package dispatch.articles.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article as the newsroom sees it: every status, references by slug, and its editorial state. */
public record EditorialArticle(UUID id, String slug, String status, int version, String type, String headline, String socialHeadline,
        String standfirst, List<JsonNode> body, String language, String section, List<String> tags, List<String> authors,
        List<String> related, ImageRequest heroImage, AudioAsset audio, Instant publishedAt, Instant expireAt, Instant createdAt, Instant updatedAt,
        String createdBy, List<String> formerSlugs, List<Correction> corrections, Links links) {

    /** {@code public} is set while readers can see the article. */
    public record Links(String self, String revisions, String publicUrl) {
    }
}
