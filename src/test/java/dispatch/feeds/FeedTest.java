package dispatch.feeds;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

@QuarkusTest
class FeedTest extends ApiTest {

    @Inject
    TestContent content;

    private static SyndFeed parse(String xml) throws Exception {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        return input.build(new InputSource(new StringReader(xml)));
    }

    /** A tag of its own with one published article (with image) and one draft. */
    private String taggedPair() {
        String tag = TestContent.unique("feedtag");
        content.tag(tag);
        content.author("feed-" + tag);
        content.article().tagged(tag).by("feed-" + tag).heroImage("https://img.example/feed.jpg").headline("Published " + tag).save();
        content.article().tagged(tag).draft().headline("Draft " + tag).save();
        return tag;
    }

    @Test
    void rssParsesAndCarriesWhatPartnersNeed() throws Exception {
        String tag = taggedPair();
        Response response = given().get("/feeds/tags/" + tag + ".rss");
        response.then().statusCode(200).contentType(startsWith("application/rss+xml"));
        String xml = response.asString();
        SyndFeed feed = parse(xml);

        assertEquals("rss_2.0", feed.getFeedType());
        assertEquals(1, feed.getEntries().size(), "drafts never appear in feeds");
        SyndEntry entry = feed.getEntries().get(0);
        assertTrue(entry.getTitle().startsWith("Published"));
        assertTrue(entry.getUri().startsWith("urn:uuid:"));
        assertTrue(entry.getLink().startsWith("http://localhost:3000/news/"));
        assertEquals("Author feed-" + tag, entry.getAuthor());
        assertTrue(entry.getCategories().stream().anyMatch(c -> c.getName().equals("Tag " + tag)));
        assertNotNull(entry.getPublishedDate());
        MediaEntryModule media = (MediaEntryModule) entry.getModule(MediaEntryModule.URI);
        assertEquals("https://img.example/feed.jpg", media.getMediaContents()[0].getReference().toString());
        assertEquals("Caption of " + entry.getLink().substring(entry.getLink().lastIndexOf('/') + 1), media.getMediaContents()[0].getMetadata().getDescription());
        assertTrue(xml.contains("<atom:link href=\"http://localhost:8081/feeds/tags/" + tag + ".rss\" rel=\"self\""));
        assertTrue(xml.contains("<guid isPermaLink=\"false\">urn:uuid:"));
        assertFalse(xml.contains("content:encoded"), "anonymous readers get summaries only");
    }

    @Test
    void aFullTextKeyGetsTheWholeArticleInEveryFormat() throws Exception {
        String tag = taggedPair();
        String key = as("admin").contentType("application/json").body(Map.of("name", "Full " + tag, "fullText", true))
                .post("/api/v1/admin/api-keys").path("key");

        String rss = given().header("X-API-Key", key).get("/feeds/tags/" + tag + ".rss").asString();
        assertTrue(rss.contains("<content:encoded>"));
        assertTrue(parse(rss).getEntries().get(0).getContents().get(0).getValue().contains("<p>One two three four five.</p>"));
        given().header("X-API-Key", key).get("/feeds/tags/" + tag + ".json").then()
                .body("items[0].content_html", equalTo("<p>One two three four five.</p>\n"));
    }

    @Test
    void atomIsValidRfc4287() throws Exception {
        String tag = taggedPair();
        String xml = given().get("/feeds/tags/" + tag + ".atom").then().statusCode(200).contentType(startsWith("application/atom+xml"))
                .extract().asString();
        SyndFeed feed = parse(xml);
        assertEquals("atom_1.0", feed.getFeedType());
        SyndEntry entry = feed.getEntries().get(0);
        assertTrue(entry.getUri().startsWith("urn:uuid:"));
        assertNotNull(entry.getUpdatedDate());
        assertTrue(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"http://localhost:8081/feeds/tags/" + tag + ".atom\""));
        assertTrue(xml.contains("<id>http://localhost:8081/feeds/tags/" + tag + ".atom</id>"));
    }

    @Test
    void atomEntriesWithoutABylineFallBackToThePublicationNotAnEmptyAuthor() throws Exception {
        String tag = TestContent.unique("byline");
        String author = TestContent.unique("writer");
        content.tag(tag);
        content.author(author);
        content.article().tagged(tag).headline("Unsigned").publishedAgo(java.time.Duration.ofMinutes(2)).save();
        content.article().tagged(tag).headline("Signed").by(author).publishedAgo(java.time.Duration.ofMinutes(1)).save();
        String xml = given().get("/feeds/tags/" + tag + ".atom").then().statusCode(200).extract().asString();
        assertFalse(xml.contains("<name />") || xml.contains("<name/>") || xml.contains("<name></name>"), xml);
        SyndFeed feed = parse(xml);
        assertEquals("Dispatch", feed.getAuthors().get(0).getName());
        SyndEntry signed = feed.getEntries().get(0);
        SyndEntry unsigned = feed.getEntries().get(1);
        assertEquals("Signed", signed.getTitle());
        assertEquals(1, signed.getAuthors().size());
        assertTrue(unsigned.getAuthors().isEmpty(), "inherits the feed's author (RFC 4287 4.2.1)");
    }

    @Test
    void jsonFeedFollowsVersion11() {
        String tag = taggedPair();
        given().get("/feeds/tags/" + tag + ".json").then().statusCode(200).contentType(startsWith("application/feed+json"))
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("feed_url", equalTo("http://localhost:8081/feeds/tags/" + tag + ".json"))
                .body("items", hasSize(1))
                .body("items[0].id", startsWith("urn:uuid:"))
                .body("items[0].content_text", startsWith("Standfirst of"))
                .body("items[0].authors[0].name", equalTo("Author feed-" + tag))
                .body("items[0].date_published", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("items[0].image", equalTo("https://img.example/feed.jpg"));
    }

    @Test
    void jsonFeedItemsSayTheirArticlesOwnLanguage() {
        Response feed = given().get("/feeds/latest.json?limit=100");
        List<String> languages = feed.path("items.language");
        List<String> urls = feed.path("items.url");
        assertTrue(languages.contains("es") && languages.contains("en"), "the demo content has both languages: " + languages);
        for (int i = 0; i < urls.size(); i++) {
            String slug = urls.get(i).substring(urls.get(i).lastIndexOf('/') + 1);
            String language = given().get("/api/v1/articles/" + slug + "?fields=language").path("language");
            assertEquals(language, languages.get(i), urls.get(i));
        }
    }

    @Test
    void sectionFeedsIncludeDescendantsAndUnknownScopesAre404() throws Exception {
        String parent = TestContent.unique("feedsec");
        String child = TestContent.unique("feedsub");
        content.section(parent, "news");
        content.section(child, parent);
        content.article().inSection(child).save();
        assertEquals(1, parse(given().get("/feeds/sections/" + parent + ".rss").asString()).getEntries().size());
        given().get("/feeds/sections/atlantis.rss").then().statusCode(404).contentType("application/problem+json");
        given().get("/feeds/tags/no-such-tag.json").then().statusCode(404);
        given().get("/feeds/authors/nobody.atom").then().statusCode(404);
        given().get("/feeds/latest.rss?limit=101").then().statusCode(400);
        given().get("/feeds/latest.xml").then().statusCode(404);
    }

    @Test
    void latestFeedHas50ItemsByDefaultAndUpTo100() throws Exception {
        assertEquals(50, parse(given().get("/feeds/latest.rss").asString()).getEntries().size());
        given().get("/feeds/latest.json?limit=100").then().body("items", hasSize(100));
    }

    @Test
    void controlCharactersAndMarkupInTextStayWellFormed() throws Exception {
        String tag = TestContent.unique("ctl");
        content.tag(tag);
        content.article().tagged(tag).headline("Bell\u0007 & <b>bold</b> \"quoted\"").standfirst("Start\u0001 here").save();
        for (String format : List.of("rss", "atom")) {
            SyndFeed feed = parse(given().get("/feeds/tags/" + tag + "." + format).asString());
            assertEquals("Bell & <b>bold</b> \"quoted\"", feed.getEntries().get(0).getTitle());
        }
        given().get("/feeds/tags/" + tag + ".json").then().body("items[0].summary", equalTo("Start here"));
    }

    @Test
    void podcastFeedHasEnclosuresAndItunesTags() throws Exception {
        content.article().type("audio").publishedAgo(java.time.Duration.ofMinutes(1)).headline("Episode " + TestContent.unique("ep")).body("[{\"type\":\"audio\",\"url\":\"https://cdn.example/ep1.mp3\","
                + "\"mimeType\":\"audio/mpeg\",\"durationSeconds\":1325,\"sizeBytes\":21300000},{\"type\":\"paragraph\",\"text\":\"Show notes.\"}]").save();
        String xml = given().get("/feeds/podcast.rss?limit=5").then().statusCode(200).extract().asString();
        SyndFeed feed = parse(xml);
        SyndEntry episode = feed.getEntries().stream().filter(e -> e.getEnclosures().get(0).getUrl().equals("https://cdn.example/ep1.mp3"))
                .findFirst().orElseThrow();
        assertEquals("https://cdn.example/ep1.mp3", episode.getEnclosures().get(0).getUrl());
        assertEquals(21300000L, episode.getEnclosures().get(0).getLength());
        assertEquals("audio/mpeg", episode.getEnclosures().get(0).getType());
        for (String element : List.of("xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"", "<itunes:image href=\"https://",
            "<itunes:category text=\"News\"", "<itunes:explicit>false</itunes:explicit>", "<itunes:owner>", "<itunes:duration>00:22:05</itunes:duration>")) {
            assertTrue(xml.contains(element), element);
        }
        assertFalse(xml.contains("<itunes:explicit>no</itunes:explicit>"), "Apple's values are true and false");
        feed.getEntries().forEach(e -> assertFalse(e.getEnclosures().isEmpty(), "every podcast item is audio"));
    }

    @Test
    void feedsAnswerConditionalRequestsWith304() {
        Response first = given().get("/feeds/latest.atom");
        given().header("If-None-Match", first.header("ETag")).get("/feeds/latest.atom").then().statusCode(304);
        given().header("If-Modified-Since", first.header("Last-Modified")).get("/feeds/latest.atom").then().statusCode(304);
        given().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").get("/feeds/latest.atom").then().statusCode(200);
    }
}
