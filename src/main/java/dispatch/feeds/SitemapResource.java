package dispatch.feeds;

import dispatch.articles.ArticleReadService;
import dispatch.articles.api.SitemapEntry;
import dispatch.auth.Partner;
import dispatch.auth.PartnerContext;
import dispatch.common.NewsConfig;
import dispatch.common.http.CacheKeys;
import dispatch.common.http.Links;
import dispatch.common.http.ProblemException;
import dispatch.common.http.ResponseCache;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Sitemaps for search engines: an index of monthly article sitemaps, and a Google News sitemap of
 * the last two days (at most 1000 articles). Published articles only.
 */
@Path("/")
public class SitemapResource {

    static final String XML = "application/xml; charset=utf-8";
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    static final int MAX_URLS = 50_000;
    static final int MAX_NEWS = 1000;

    private final ArticleReadService articles;
    private final ResponseCache cache;
    private final NewsConfig config;

    private final PartnerContext partners;

    SitemapResource(ArticleReadService articles, ResponseCache cache, NewsConfig config, PartnerContext partners) {
        this.partners = partners;
        this.articles = articles;
        this.cache = cache;
        this.config = config;
    }

    private static final Set<String> KEYS = Set.of(CacheKeys.ALL_ARTICLES, CacheKeys.SECTIONS);

    @GET
    @Path("sitemap.xml")
    public Response index(@Context HttpHeaders headers, @Context UriInfo uri) {
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "sitemap", Partner.cacheVariant(partner), () -> indexXml(partner));
    }

    private ResponseCache.Rendered indexXml(Partner partner) {
        Map<String, Instant> months = articles.sitemapMonths(partner);
        // a sitemap lists pages of its own host only (sitemaps.org): the index points at the site's host, which passes them on
        String base = Links.trimSlash(config.sitemapUrl().orElse(config.siteUrl()));
        Instant latest = months.values().stream().max(Instant::compareTo).orElse(null);
        byte[] xml = write(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP_NS);
            if (latest != null) {
                entry(w, "sitemap", base + "/sitemap-news.xml", latest);
            }
            for (Map.Entry<String, Instant> month : months.entrySet()) {
                entry(w, "sitemap", base + "/sitemaps/articles-" + month.getKey() + ".xml", month.getValue());
            }
            w.writeEndElement();
        });
        return ResponseCache.Rendered.bytes(xml, XML, latest, KEYS);
    }

    @GET
    @Path("sitemaps/articles-{year: [0-9]{4}}-{month: [0-9]{2}}.xml")
    public Response month(@PathParam("year") String year, @PathParam("month") String month, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "sitemap", Partner.cacheVariant(partner), () -> monthXml(year, month, partner));
    }

    private ResponseCache.Rendered monthXml(String year, String month, Partner partner) {
        YearMonth period;
        try {
            period = YearMonth.parse(year + "-" + month);
        } catch (DateTimeParseException e) {
            throw ProblemException.notFound("No sitemap for " + year + "-" + month);
        }
        Instant from = period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<SitemapEntry> entries = articles.sitemapEntries(from, period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                MAX_URLS, partner);
        if (entries.isEmpty()) {
            throw ProblemException.notFound("No published articles in " + period);
        }
        byte[] xml = write(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            for (SitemapEntry entry : entries) {
                entry(w, "url", entry.url(), entry.lastModified());
            }
            w.writeEndElement();
        });
        return ResponseCache.Rendered.bytes(xml, XML, entries.stream().map(SitemapEntry::lastModified).max(Instant::compareTo).get(), KEYS);
    }

    @GET
    @Path("sitemap-news.xml")
    public Response news(@Context HttpHeaders headers, @Context UriInfo uri) {
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "sitemap", Partner.cacheVariant(partner), () -> newsXml(partner));
    }

    private ResponseCache.Rendered newsXml(Partner partner) {
        Instant now = Instant.now();
        List<SitemapEntry> entries = articles.sitemapEntries(now.minus(Duration.ofDays(2)), now.plusSeconds(1), MAX_NEWS, partner);
        byte[] xml = write(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP_NS);
            w.writeNamespace("news", NEWS_NS);
            for (SitemapEntry entry : entries) {
                w.writeStartElement("url");
                text(w, "loc", entry.url());
                w.writeStartElement("news", "news", NEWS_NS);
                w.writeStartElement("news", "publication", NEWS_NS);
                w.writeStartElement("news", "name", NEWS_NS);
                w.writeCharacters(Xml.clean(config.siteName()));
                w.writeEndElement();
                w.writeStartElement("news", "language", NEWS_NS);
                w.writeCharacters(entry.language().split("-")[0]);
                w.writeEndElement();
                w.writeEndElement();
                w.writeStartElement("news", "publication_date", NEWS_NS);
                w.writeCharacters(entry.publishedAt().toString());
                w.writeEndElement();
                w.writeStartElement("news", "title", NEWS_NS);
                w.writeCharacters(Xml.clean(entry.title()));
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        });
        return ResponseCache.Rendered.bytes(xml, XML, entries.stream().map(SitemapEntry::lastModified).max(Instant::compareTo).orElse(null),
                KEYS);
    }

    private interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write a sitemap", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter w, String element, String loc, Instant lastModified) throws XMLStreamException {
        w.writeStartElement(element);
        text(w, "loc", loc);
        text(w, "lastmod", lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
