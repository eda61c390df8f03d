package dispatch.articles.api;

import dispatch.authors.api.AuthorRef;
import dispatch.sections.api.SectionRef;
import dispatch.tags.api.TagRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An article as lists show it: everything a teaser needs, no body. */
public record ArticleSummary(UUID id, String slug, String type, String headline, String socialHeadline, String standfirst,
        String language, SectionRef section, List<TagRef> tags, List<AuthorRef> authors, ImageResponse heroImage, AudioAsset audio,
        Instant publishedAt, Instant updatedAt, int wordCount, int readingTimeMinutes, int commentCount, ArticleLinks links) {
}
