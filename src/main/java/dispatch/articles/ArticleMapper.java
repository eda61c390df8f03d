package dispatch.articles;

import com.fasterxml.jackson.databind.JsonNode;
import dispatch.articles.api.ArticleLinks;
import dispatch.articles.api.ArticleResponse;
import dispatch.articles.api.ArticleSummary;
import dispatch.articles.api.AudioAsset;
import dispatch.articles.api.Correction;
import dispatch.articles.api.ImageResponse;
import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.sections.SectionTree;
import dispatch.sections.api.SectionRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Maps article rows to their public representations, by allow-list: nothing else leaves. */
@ApplicationScoped
class ArticleMapper {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final SectionTree sections;
    private final String apiUrl;
    private final String siteUrl;

    ArticleMapper(SectionTree sections, NewsConfig config) {
        this.sections = sections;
        this.apiUrl = Links.trimSlash(config.apiUrl());
        this.siteUrl = Links.trimSlash(config.siteUrl());
    }

    ArticleSummary summary(ArticleQueries.Row row) {
        SectionRef section = sections.ref(row.sectionId());
        return new ArticleSummary(row.id(), row.slug(), row.type(), row.headline(), row.socialHeadline(), row.standfirst(),
                row.language(), section, row.tags(), row.authors(),
                image(row), audio(row.audio()), row.publishedAt(), row.updatedAt(), row.wordCount(), ArticleBodies.readingTimeMinutes(row.wordCount()),
                row.commentCount(), links(row.slug(), section));
    }

    ArticleResponse detail(ArticleSummary s, JsonNode publicBlocks, List<ArticleSummary> related, List<Correction> corrections) {
        return new ArticleResponse(s.id(), s.slug(), s.type(), s.headline(), s.socialHeadline(), s.standfirst(), s.language(),
                s.section(), s.tags(), s.authors(), s.heroImage(), s.audio(), s.publishedAt(), s.updatedAt(), s.wordCount(),
                s.readingTimeMinutes(), s.commentCount(), s.links(), publicBlocks, ArticleBodies.html(publicBlocks), related,
                corrections);
    }

    ArticleBodies.RelatedLink relatedLink(ArticleQueries.Row row) {
        ArticleLinks links = links(row.slug(), sections.ref(row.sectionId()));
        return new ArticleBodies.RelatedLink(row.slug(), row.headline(), links.web(), links.self());
    }

    /** The canonical page URL of an article in any state. */
    String webUrl(String slug, UUID sectionId) {
        return links(slug, sections.ref(sectionId)).web();
    }

    private ArticleLinks links(String slug, SectionRef section) {
        String sectionPath = section == null ? "" : section.path().stream().map(SectionRef.PathItem::slug)
                .collect(Collectors.joining("/", "", "/"));
        return new ArticleLinks(apiUrl + "/api/v1/articles/" + slug, siteUrl + "/" + sectionPath + slug);
    }

    static AudioAsset audio(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, AudioAsset.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored audio asset is not valid JSON", e);
        }
    }

    private static ImageResponse image(ArticleQueries.Row row) {
        return row.imageUrl() == null ? null
                : new ImageResponse(row.imageUrl(), row.imageCaption(), row.imageCredit(), row.imageAlt(), row.imageWidth(),
                        row.imageHeight());
    }
}
