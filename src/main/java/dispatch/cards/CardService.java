package dispatch.cards;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dispatch.articles.ArticleReadService;
import dispatch.articles.api.ArticleResponse;
import dispatch.auth.Partner;
import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.ProblemException;
import dispatch.common.text.Html;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Social cards and oEmbed for published articles. */
@ApplicationScoped
class CardService {

    static final int DEFAULT_EMBED_WIDTH = 600;
    static final int DEFAULT_EMBED_HEIGHT = 200;

    private final ArticleReadService articles;
    private final ObjectMapper json;
    private final NewsConfig config;

    CardService(ArticleReadService articles, ObjectMapper json, NewsConfig config) {
        this.articles = articles;
        this.json = json;
        this.config = config;
    }

    /** The card of the article under this slug, or where a former slug moved to. */
    ArticleReadService.Lookup lookup(String slug, Partner partner) {
        return articles.get(slug, partner);
    }

    Card card(ArticleResponse a) {
        String title = a.socialHeadline() != null ? a.socialHeadline() : a.headline();
        Card.Image image = a.heroImage() == null ? null
                : new Card.Image(a.heroImage().url(), a.heroImage().width(), a.heroImage().height(), a.heroImage().alt());
        List<Card.Author> authors = a.authors().stream().map(author -> new Card.Author(author.name(),
                Links.authorPage(config.siteUrl(), author.slug()))).toList();
        return new Card(title, a.standfirst(), a.links().web(), image, config.siteName(), "article", ogLocale(a.language()),
                a.publishedAt(), a.updatedAt(), a.section().name(), a.tags().stream().map(t -> t.name()).toList(), authors,
                image == null ? "summary" : "summary_large_image", jsonLd(a, authors));
    }

    /** Open Graph writes a locale as language_TERRITORY: {@code en-GB} is {@code en_GB}; a bare {@code en} stays {@code en}. */
    static String ogLocale(String languageTag) {
        Locale locale = Locale.forLanguageTag(languageTag);
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }

    /** An oEmbed answer for a canonical article URL of this site; 404 for anything else. */
    dispatch.common.http.Keyed<OEmbed> oembed(String url, Integer maxWidth, Integer maxHeight, Partner partner) {
        String site = Links.trimSlash(config.siteUrl()) + "/";
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("url", "must be an absolute URL of an article on " + site);
        }
        if (!url.startsWith(site) || uri.getPath() == null || uri.getPath().endsWith("/")) {
            throw ProblemException.notFound("Not an article URL of " + site);
        }
        String slug = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        ArticleReadService.Lookup lookup = articles.get(slug, partner);
        ArticleResponse a = lookup.article();
        if (a == null || !a.links().web().equals(url.split("[?#]")[0])) {
            throw ProblemException.notFound("Not an article URL of " + site);
        }
        int width = maxWidth == null ? DEFAULT_EMBED_WIDTH : Math.min(DEFAULT_EMBED_WIDTH, maxWidth);
        int height = maxHeight == null ? DEFAULT_EMBED_HEIGHT : Math.min(DEFAULT_EMBED_HEIGHT, maxHeight);
        String byline = a.authors().stream().map(author -> author.name()).collect(Collectors.joining(", "));
        // the box never grows past what the consumer allowed: longer text scrolls inside it
        String html = "<blockquote class=\"dispatch-embed\" style=\"box-sizing:border-box;max-width:" + width + "px;max-height:" + height
                + "px;overflow:auto;margin:0\"><p><a href=\"" + Html.escape(a.links().web())
                + "\">" + Html.escape(a.headline()) + "</a></p>" + (a.standfirst() == null ? "" : "<p>" + Html.escape(a.standfirst()) + "</p>")
                + "<footer>" + Html.escape(config.siteName()) + "</footer></blockquote>";
        return new dispatch.common.http.Keyed<>(new OEmbed("1.0", "rich", a.headline(), byline.isEmpty() ? null : byline, config.siteName(),
                site, 3600, a.heroImage() == null ? null : a.heroImage().url(), a.heroImage() == null ? null : a.heroImage().width(),
                a.heroImage() == null ? null : a.heroImage().height(), html, width, height), lookup.keys());
    }

    private ObjectNode jsonLd(ArticleResponse a, List<Card.Author> bylines) {
        ObjectNode ld = json.createObjectNode();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", a.headline());
        if (a.standfirst() != null) {
            ld.put("description", a.standfirst());
        }
        if (a.heroImage() != null) {
            ld.putArray("image").add(a.heroImage().url());
        }
        ld.put("datePublished", a.publishedAt().toString());
        ld.put("dateModified", a.updatedAt().toString());
        String site = Links.trimSlash(config.siteUrl()) + "/";
        ArrayNode authors = ld.putArray("author");
        // Google asks for an author on every article: without a byline, the publication wrote it
        if (bylines.isEmpty()) {
            authors.addObject().put("@type", "Organization").put("name", config.siteName()).put("url", site);
        }
        bylines.forEach(author -> authors.addObject().put("@type", "Person").put("name", author.name()).put("url", author.url()));
        ObjectNode publisher = ld.putObject("publisher");
        publisher.put("@type", "Organization").put("name", config.siteName()).put("url", site);
        publisher.putObject("logo").put("@type", "ImageObject")
                .put("url", config.siteLogoUrl().orElse(Links.trimSlash(config.siteUrl()) + "/logo.png"));
        ld.put("mainEntityOfPage", a.links().web());
        ld.put("articleSection", a.section().name());
        ld.put("inLanguage", a.language());
        if (!a.tags().isEmpty()) {
            ld.put("keywords", a.tags().stream().map(t -> t.name()).collect(Collectors.joining(", ")));
        }
        return ld;
    }
}
