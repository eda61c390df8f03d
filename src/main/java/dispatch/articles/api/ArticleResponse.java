package dispatch.articles.api;

import com.fasterxml.jackson.databind.JsonNode;
import dispatch.authors.api.AuthorRef;
import dispatch.sections.api.SectionRef;
import dispatch.tags.api.TagRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A whole article, as its page needs it: the summary's fields plus the body (blocks and safe HTML),
 * related articles, and the corrections and update notes appended since publication.
 */
public record ArticleResponse(UUID id, String slug, String type, String headline, String socialHeadline, String standfirst,
        String language, SectionRef section, List<TagRef> tags, List<AuthorRef> authors, ImageResponse heroImage, AudioAsset audio,
        Instant publishedAt, Instant updatedAt, int wordCount, int readingTimeMinutes, int commentCount, ArticleLinks links,
        JsonNode body, String bodyHtml, List<ArticleSummary> related, List<Correction> corrections) {
}
