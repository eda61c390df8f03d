package dispatch.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import dispatch.articles.ArticleListParams;
import dispatch.articles.ArticleReadService;
import dispatch.auth.Partner;
import dispatch.authors.AuthorLookup;
import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.ProblemException;
import dispatch.sections.SectionTree;
import dispatch.tags.TagLookup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds feeds from the public article lists: newest first, published articles only, the partner's
 * scope applied. Full text goes to readers whose key allows it; everyone else gets summaries.
 */
@ApplicationScoped
class FeedService {

    static final int DEFAULT_LIMIT = 50;

    private final ArticleReadService articles;
    private final SectionTree sections;
    private final TagLookup tags;
    private final AuthorLookup authors;
    private final NewsConfig config;

    FeedService(ArticleReadService articles, SectionTree sections, TagLookup tags, AuthorLookup authors, NewsConfig config) {
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.config = config;
    }

    /** What a feed selects: everything, a section (with descendants), a tag, an author, or audio articles. */
    enum Scope { LATEST, SECTION, TAG, AUTHOR, PODCAST }

    /** The feed, and in {@code keys} the surrogate keys it depends on. */
    FeedDocument feed(Scope scope, String slug, String limit, String selfPath, Partner partner, java.util.Set<String> keys) {
        String name = switch (scope) {
            case LATEST -> "Latest";
            case PODCAST -> "Audio";
            case SECTION -> sections.bySlug(slug).map(s -> s.name).orElseThrow(() -> notFound("section", slug));
            case TAG -> named(tags.namesBySlug(List.of(slug)).get(slug), "tag", slug);
            case AUTHOR -> named(authors.namesBySlug(List.of(slug)).get(slug), "author", slug);
        };
        boolean full = partner != null && partner.fullText();
        ArticleListParams params = new ArticleListParams(scope == Scope.SECTION ? slug : null, scope == Scope.TAG ? slug : null,
                scope == Scope.AUTHOR ? slug : null, scope == Scope.PODCAST ? "audio" : null, null, null, null, null, null, null,
                limit == null ? Integer.toString(DEFAULT_LIMIT) : limit, null, null, "body");
        List<FeedDocument.Item> items = new ArrayList<>();
        Instant updated = null;
        var listed = articles.listTrees(params, withFullText(partner));
        keys.addAll(listed.keys());
        for (JsonNode article : listed.value()) {
            FeedDocument.Item item = item(article, full);
            items.add(item);
            updated = updated == null || item.updated().isAfter(updated) ? item.updated() : updated;
        }
        String title = config.siteName() + (scope == Scope.LATEST ? "" : " - " + name);
        return new FeedDocument(Xml.clean(title), Xml.clean(config.siteName() + ": " + name.toLowerCase(java.util.Locale.ROOT) + " articles"),
                Links.trimSlash(config.siteUrl()) + "/", Links.trimSlash(config.apiUrl()) + selfPath, "en",
                updated == null ? Instant.EPOCH : updated, items);
    }

    /** The feed needs bodies (for audio enclosures) even when the partner sees only summaries; text is dropped later. */
    private static Partner withFullText(Partner partner) {
        return partner == null ? null : new Partner(partner.keyId(), partner.name(), partner.sections(), partner.tags(), true, partner.tier());
    }

    private static FeedDocument.Item item(JsonNode a, boolean full) {
        List<String> bylines = new ArrayList<>();
        a.path("authors").forEach(author -> bylines.add(Xml.clean(author.path("name").asText())));
        List<String> categories = new ArrayList<>();
        categories.add(Xml.clean(a.path("section").path("name").asText()));
        a.path("tags").forEach(tag -> categories.add(Xml.clean(tag.path("name").asText())));
        JsonNode hero = a.path("heroImage");
        FeedDocument.Image image = hero.isObject() ? new FeedDocument.Image(hero.path("url").asText(), integer(hero.path("width")),
                integer(hero.path("height")), Xml.clean(hero.path("caption").asText(null)), Xml.clean(hero.path("credit").asText(null)),
                Xml.clean(hero.path("alt").asText(null))) : null;
        FeedDocument.Audio audio = null;
        JsonNode asset = a.path("audio");
        if (asset.isObject()) {
            audio = new FeedDocument.Audio(asset.path("url").asText(), asset.path("mimeType").asText("audio/mpeg"), asset.path("sizeBytes").asLong(0),
                    asset.has("durationSeconds") ? asset.get("durationSeconds").asLong() : null, null);
        }
        for (JsonNode block : audio != null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode() : a.path("body")) {
            if ("audio".equals(block.path("type").asText())) {
                audio = new FeedDocument.Audio(block.path("url").asText(), block.path("mimeType").asText("audio/mpeg"),
                        block.path("sizeBytes").asLong(0), block.has("durationSeconds") ? block.get("durationSeconds").asLong() : null,
                        Xml.clean(block.path("title").asText(null)));
                break;
            }
        }
        String standfirst = a.path("standfirst").asText(null);
        String summary = Xml.clean(standfirst != null ? standfirst : a.path("headline").asText());
        return new FeedDocument.Item(UUID.fromString(a.path("id").asText()), Xml.clean(a.path("headline").asText()),
                a.path("links").path("web").asText(), summary, full ? Xml.clean(a.path("bodyHtml").asText()) : null,
                Instant.parse(a.path("publishedAt").asText()), Instant.parse(a.path("updatedAt").asText()), bylines, categories, image, audio,
                a.path("language").asText("en"));
    }

    private static Integer integer(JsonNode node) {
        return node.canConvertToInt() ? node.asInt() : null;
    }

    private static String named(String name, String kind, String slug) {
        if (name == null) {
            throw notFound(kind, slug);
        }
        return name;
    }

    private static ProblemException notFound(String kind, String slug) {
        return ProblemException.notFound("No " + kind + " with slug '" + slug + "'");
    }
}
