package dispatch.feeds;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/** Sitemaps validate against the sitemaps.org schemas (from shared/schemas) and the Google News extension. */
@QuarkusTest
class SitemapTest extends ApiTest {

    @Inject
    TestContent content;

    private static void validate(String xml, String... schemas) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Source[] sources = new Source[schemas.length];
        for (int i = 0; i < schemas.length; i++) {
            File file = new File(schemas[i]);
            // shared/ lies beside the checkout; a copy of its schemas is kept for checkouts without it
            sources[i] = new StreamSource(file.exists() ? file : new File("src/test/resources/schemas", file.getName()));
        }
        factory.newSchema(sources).newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void indexValidatesAndListsMonthlySitemaps() throws Exception {
        String xml = given().get("/sitemap.xml").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/xml"))
                .extract().asString();
        validate(xml, "../shared/schemas/siteindex.xsd");
        // on the site's host, as the pages they list are: sitemaps.org accepts no other
        assertTrue(xml.contains("<loc>http://localhost:3000/sitemaps/articles-2023-08.xml</loc>"));
        assertTrue(xml.contains("<loc>http://localhost:3000/sitemap-news.xml</loc>"));
        assertFalse(xml.contains("localhost:8081"));
    }

    @Test
    void monthlySitemapValidatesAndHoldsOnlyPublishedArticles() throws Exception {
        // dated within the month the sitemap lists, so only its status keeps it out: a draft, and an unpublished story
        java.time.Instant inAugust = java.time.Instant.parse("2023-08-20T09:00:00Z");
        String hidden = content.article().draft().publishedAt(inAugust).save().slug;
        String retracted = content.article().status("unpublished").publishedAt(inAugust).save().slug;
        String shown = content.article().publishedAt(inAugust).save().slug;
        String xml = given().get("/sitemaps/articles-2023-08.xml").then().statusCode(200).extract().asString();
        validate(xml, "../shared/schemas/sitemap.xsd");
        assertTrue(xml.contains("<loc>http://localhost:3000/news/russia/russian-military-delegation-arrives-in-libya-invited-by-haftar</loc>"));
        assertTrue(xml.contains("<lastmod>2023-08-22T15:30:00Z</lastmod>"));
        assertFalse(xml.contains(hidden));
        assertFalse(xml.contains(retracted));
        assertTrue(xml.contains(shown), "a published story of the same month is listed, so the month is the one the others would be in");
        given().get("/sitemaps/articles-1999-01.xml").then().statusCode(404);
        given().get("/sitemaps/articles-2023-13.xml").then().statusCode(404);
    }

    @Test
    void newsSitemapValidatesAndCoversTheLastTwoDays() throws Exception {
        String recent = content.article().headline("Fresh & \"news\"").publishedAgo(Duration.ofHours(3)).save().slug;
        String old = content.article().publishedAt(Instant.now().minus(Duration.ofDays(3))).save().slug;
        String xml = given().get("/sitemap-news.xml").then().statusCode(200).extract().asString();
        validate(xml, "../shared/schemas/sitemap.xsd", "src/test/resources/schemas/sitemap-news.xsd");
        assertTrue(xml.contains(recent));
        assertTrue(xml.contains("<news:title>Fresh &amp; \"news\"</news:title>"));
        assertTrue(xml.contains("<news:name>Dispatch</news:name>"));
        assertFalse(xml.contains(old));
    }
}
