package dispatch.articles;

import static dispatch.support.Newsroom.article;
import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EditorialWorkflowTest extends ApiTest {

    @jakarta.inject.Inject
    PreviewTokens previews;

    private static Response create(String role, Map<String, Object> body) {
        return as(role).contentType("application/json").body(body).post("/api/v1/admin/articles");
    }

    private static String createDraft(String role, String headline) {
        return create(role, article(headline)).then().statusCode(201).extract().path("id");
    }

    private static void publish(String id) {
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("published"));
    }

    @Test
    void writerCreatesADraftThatReadersCannotSee() {
        String headline = "Draft story " + TestContent.unique("d");
        Response created = create("writer", article(headline));
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/admin/articles/"))
                .header("ETag", equalTo("\"" + created.path("version") + "\""))
                .header("Cache-Control", equalTo("private, no-store"))
                .body("status", equalTo("draft"))
                .body("slug", equalTo(dispatch.common.text.Slugs.of(headline)))
                .body("createdBy", equalTo("shared-writer"))
                .body("links.publicUrl", nullValue());
        String slug = created.path("slug");

        given().get("/api/v1/articles/" + slug).then().statusCode(404);
        given().get("/api/v1/articles?ids=" + slug).then().body("items", empty());
        given().get("/api/v1/articles?q=\"" + headline + "\"").then().body("items", empty());
    }

    @Test
    void editorPublishesAndReadersSeeItAtOnce() {
        String id = createDraft("editor", "Published story " + TestContent.unique("p"));
        String slug = as("editor").get("/api/v1/admin/articles/" + id).path("slug");
        publish(id);

        given().get("/api/v1/articles/" + slug).then().statusCode(200).body("headline", startsWith("Published story"));
        as("editor").get("/api/v1/admin/audit?entityId=" + id + "&action=article.publish").then().statusCode(200)
                .body("items[0].actor", equalTo("shared-editor"));
    }

    @Test
    void clientsCannotSetStatusVersionOrTimestamps() {
        for (String field : List.of("status", "id", "version", "publishedAt", "createdAt", "updatedAt", "createdBy")) {
            Map<String, Object> body = article("Mass assignment " + field);
            body.put(field, field.equals("version") ? 99 : "published");
            create("writer", body).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString(field));
        }
    }

    @Test
    void invalidArticlesAreRefusedNamingEachField() {
        Map<String, Object> body = article("Invalid");
        body.put("type", "blog");
        body.put("section", "atlantis");
        body.put("tags", List.of("libya", "no-such-tag"));
        body.put("body", List.of(Map.of("type", "marquee", "text", "x"), Map.of("type", "paragraph"),
                Map.of("type", "embed", "url", "javascript:alert(1)"), Map.of("type", "related", "slug", "no-such-article")));
        body.put("heroImage", Map.of("url", "ftp://example.com/a.jpg"));
        create("editor", body).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.pointer", org.hamcrest.Matchers.hasItems("/type", "/section", "/tags/1", "/body/0/type", "/body/1/text",
                        "/body/2/url", "/body/3/slug", "/heroImage/url"));
        Map<String, Object> missing = article("x");
        missing.remove("headline");
        create("editor", missing).then().statusCode(400).body("errors.pointer", hasItem("/headline"));
        as("editor").contentType("application/json").body("{\"headline\": ").post("/api/v1/admin/articles").then().statusCode(400)
                .contentType("application/problem+json");
        as("editor").contentType("text/plain").body("hello").post("/api/v1/admin/articles").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void audioArticlesCarryTheirAudioAssetToReadersAndFeeds() throws Exception {
        Map<String, Object> body = article("Podcast " + TestContent.unique("pod"));
        body.put("type", "audio");
        create("editor", body).then().statusCode(400).body("errors[0].pointer", equalTo("/audio"));
        body.put("audio", Map.of("url", "https://cdn.example/episode.mp3", "mimeType", "audio/mpeg", "durationSeconds", 1800,
                "sizeBytes", 28_800_000, "transcript", "Hello and welcome."));
        String id = create("editor", body).then().statusCode(201).body("audio.durationSeconds", equalTo(1800)).extract().path("id");
        publish(id);
        String slug = as("editor").get("/api/v1/admin/articles/" + id).path("slug");

        given().get("/api/v1/articles/" + slug).then().body("audio.url", equalTo("https://cdn.example/episode.mp3"))
                .body("audio.transcript", equalTo("Hello and welcome."));
        String xml = given().get("/feeds/podcast.rss?limit=100").asString();
        assertTrue(xml.contains("<enclosure url=\"https://cdn.example/episode.mp3\" length=\"28800000\" type=\"audio/mpeg\""), xml);
        body.put("audio", Map.of("url", "javascript:alert(1)", "mimeType", "video/mp4"));
        create("editor", body).then().statusCode(400);
    }

    @Test
    void controlCharactersNeverReachTheDatabase() {
        String body = "{\"type\":\"news\",\"section\":\"news\",\"headline\":\"Null\\u0000 byte\\u0007\","
                + "\"body\":[{\"type\":\"paragraph\",\"text\":\"Tab\\tand\\u0000nul\"}]}";
        as("editor").contentType("application/json").body(body).post("/api/v1/admin/articles").then().statusCode(201)
                .body("headline", equalTo("Null byte")).body("body[0].text", equalTo("Tab\tandnul"));
    }

    @Test
    void slugsAreGeneratedUniqueAndExplicitClashesAreConflicts() {
        String headline = "Same headline " + TestContent.unique("s");
        String first = create("editor", article(headline)).path("slug");
        String second = create("editor", article(headline)).path("slug");
        assertEquals(first + "-2", second);

        Map<String, Object> clash = article("Other");
        clash.put("slug", first);
        create("editor", clash).then().statusCode(409).body("code", equalTo("CONFLICT"));
    }

    @Test
    void editsNeedTheCurrentVersionInIfMatch() {
        String id = createDraft("writer", "Concurrent " + TestContent.unique("c"));
        String etag = as("writer").get("/api/v1/admin/articles/" + id).header("ETag");
        Map<String, Object> body = article("Edited by one");

        as("writer").contentType("application/json").body(body).put("/api/v1/admin/articles/" + id).then().statusCode(428)
                .body("code", equalTo("PRECONDITION_REQUIRED"));
        String next = as("writer").contentType("application/json").header("If-Match", etag).body(body).put("/api/v1/admin/articles/" + id)
                .then().statusCode(200).body("headline", equalTo("Edited by one")).extract().header("ETag");
        // a second editor still holding the first version is told, not overwritten
        as("writer").contentType("application/json").header("If-Match", etag).body(article("Edited by two"))
                .put("/api/v1/admin/articles/" + id).then().statusCode(412)
                .header("ETag", equalTo(next))
                .body("code", equalTo("PRECONDITION_FAILED"))
                .body("currentVersion", equalTo(Integer.parseInt(next.replace("\"", ""))));
        as("writer").get("/api/v1/admin/articles/" + id).then().body("headline", equalTo("Edited by one"));
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndRefusesStatus() {
        String id = createDraft("editor", "Patch me " + TestContent.unique("m"));
        String etag = as("editor").get("/api/v1/admin/articles/" + id).header("ETag");

        String next = as("editor").contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"headline\":\"Patched\",\"standfirst\":null,\"tags\":[\"libya\"]}").patch("/api/v1/admin/articles/" + id)
                .then().statusCode(200).body("headline", equalTo("Patched")).body("standfirst", nullValue())
                .body("tags", contains("libya")).body("type", equalTo("news")).extract().header("ETag");
        as("editor").contentType("application/merge-patch+json").header("If-Match", next).body("{\"status\":\"published\"}")
                .patch("/api/v1/admin/articles/" + id).then().statusCode(400).body("errors[0].pointer", equalTo("/status"));
        as("editor").get("/api/v1/admin/articles/" + id).then().body("status", equalTo("draft"));
    }

    @Test
    void schedulingMakesTheArticleVisibleExactlyAtItsTime() throws InterruptedException {
        String id = createDraft("editor", "Scheduled " + TestContent.unique("t"));
        Instant at = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS); // room for the publish request on a slow machine
        String slug = as("editor").contentType("application/json").body(Map.of("publishAt", at.toString()))
                .post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("scheduled")).body("publishedAt", equalTo(at.toString())).extract().path("slug");

        given().get("/api/v1/articles/" + slug).then().statusCode(404);
        while (Instant.now().isBefore(at.minusMillis(300))) {
            given().get("/api/v1/articles/" + slug).then().statusCode(404);
            Thread.sleep(200);
        }
        Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis()) + 50);
        given().get("/api/v1/articles/" + slug).then().statusCode(200).body("publishedAt", equalTo(at.toString()));
        given().get("/api/v1/articles?ids=" + slug).then().body("items.slug", contains(slug));
    }

    @Test
    void embargoEndTakesTheArticleOutOfEveryList() throws InterruptedException {
        String id = createDraft("editor", "Embargoed " + TestContent.unique("e"));
        Instant end = Instant.now().plusSeconds(6); // room for the requests made before it, on a slow machine too
        String slug = as("editor").contentType("application/json").body(Map.of("expireAt", end.toString()))
                .post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200).extract().path("slug");
        List<String> lists = List.of("/api/v1/articles?limit=100&fields=slug", "/api/v1/articles?section=news&limit=100&fields=slug",
                "/feeds/latest.rss", "/feeds/sections/news.rss", "/sitemap-news.xml");
        given().get("/api/v1/articles/" + slug).then().statusCode(200);
        for (String list : lists) { // cached while it is there
            org.junit.jupiter.api.Assertions.assertTrue(given().get(list).asString().contains(slug), list + " lists it before its embargo ends");
        }

        Thread.sleep(Math.max(0, end.toEpochMilli() - System.currentTimeMillis()) + 100);
        given().get("/api/v1/articles/" + slug).then().statusCode(404);
        given().get("/api/v1/articles?ids=" + slug).then().body("items", empty());
        for (String list : lists) {
            org.junit.jupiter.api.Assertions.assertFalse(given().get(list).asString().contains(slug), list + " lists it after its embargo ended");
        }
        as("editor").contentType("application/json").body(Map.of("expireAt", Instant.now().minusSeconds(60).toString()))
                .post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(400).body("errors[0].pointer", equalTo("/expireAt"));
    }

    @Test
    void unpublishingHidesItFromReadersImmediately() {
        String id = createDraft("editor", "Retracted " + TestContent.unique("u"));
        publish(id);
        String slug = as("editor").get("/api/v1/admin/articles/" + id).path("slug");
        given().get("/api/v1/articles/" + slug).then().statusCode(200);

        as("editor").post("/api/v1/admin/articles/" + id + "/unpublish").then().statusCode(200).body("status", equalTo("unpublished"));
        given().get("/api/v1/articles/" + slug).then().statusCode(404);
    }

    @Test
    void renamingAPublishedArticleKeepsTheOldSlugAsARedirect() {
        String id = createDraft("editor", "Old name " + TestContent.unique("r"));
        publish(id);
        Response current = as("editor").get("/api/v1/admin/articles/" + id);
        String oldSlug = current.path("slug");
        String newSlug = TestContent.unique("new-name");

        as("editor").contentType("application/merge-patch+json").header("If-Match", current.header("ETag"))
                .body(Map.of("slug", newSlug)).patch("/api/v1/admin/articles/" + id).then().statusCode(200)
                .body("formerSlugs", contains(oldSlug));
        given().redirects().follow(false).get("/api/v1/articles/" + oldSlug).then().statusCode(301)
                .header("Location", equalTo("http://localhost:8081/api/v1/articles/" + newSlug));
        Map<String, Object> taken = article("Wants the old slug");
        taken.put("slug", oldSlug);
        create("editor", taken).then().statusCode(409);
    }

    @Test
    void onlyEditorsAppendCorrectionsEvenToAWritersOwnPublishedStory() {
        String id = createDraft("writer", "Mine to correct? " + TestContent.unique("k"));
        publish(id);
        as("writer").contentType("application/json").body(Map.of("kind", "correction", "text", "Quietly rewritten."))
                .post("/api/v1/admin/articles/" + id + "/corrections").then().statusCode(403);
        as("editor").get("/api/v1/admin/articles/" + id).then().body("corrections", empty());
    }

    @Test
    void correctionsTravelWithThePublicArticle() {
        String id = createDraft("editor", "Corrected " + TestContent.unique("k"));
        as("editor").contentType("application/json").body(Map.of("kind", "correction", "text", "Too early"))
                .post("/api/v1/admin/articles/" + id + "/corrections").then().statusCode(409);
        publish(id);
        String slug = as("editor").get("/api/v1/admin/articles/" + id).path("slug");
        String before = given().get("/api/v1/articles/" + slug).path("updatedAt");

        as("editor").contentType("application/json").body(Map.of("kind", "correction", "text", "An earlier version misspelt a name."))
                .post("/api/v1/admin/articles/" + id + "/corrections").then().statusCode(201);
        as("editor").contentType("application/json").body(Map.of("kind", "update", "text", "Added a statement."))
                .post("/api/v1/admin/articles/" + id + "/corrections").then().statusCode(201);
        given().get("/api/v1/articles/" + slug).then().statusCode(200)
                .body("corrections.kind", contains("correction", "update"))
                .body("corrections[0].text", equalTo("An earlier version misspelt a name."))
                .body("updatedAt", not(equalTo(before)));
        given().get("/api/v1/articles?ids=" + slug + "&include=body").then().body("items[0].corrections.kind", contains("correction", "update"));
        // the public read carries the stored times to the microsecond, as the editorial view reads them
        List<String> stored = as("editor").get("/api/v1/admin/articles/" + id).path("corrections.createdAt");
        given().get("/api/v1/articles/" + slug).then().body("corrections.createdAt", equalTo(stored));
    }

    @Test
    void everySaveIsARevisionAndOldOnesCanBeRestored() {
        String id = createDraft("writer", "First words");
        String etag = as("writer").get("/api/v1/admin/articles/" + id).header("ETag");
        etag = as("writer").contentType("application/json").header("If-Match", etag).body(article("Second words"))
                .put("/api/v1/admin/articles/" + id).header("ETag");

        as("writer").get("/api/v1/admin/articles/" + id + "/revisions").then().statusCode(200)
                .body("items.number", contains(2, 1)).body("items.action", contains("update", "create"))
                .body("items[0].createdBy", equalTo("shared-writer"));
        as("writer").get("/api/v1/admin/articles/" + id + "/revisions/1").then().statusCode(200)
                .body("snapshot.headline", equalTo("First words"));
        as("writer").header("If-Match", etag).post("/api/v1/admin/articles/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("headline", equalTo("First words"));
        as("writer").get("/api/v1/admin/articles/" + id + "/revisions").then().body("items[0].action", equalTo("restore 1"));
        as("writer").get("/api/v1/admin/articles/" + id + "/revisions/99").then().statusCode(404);
    }

    @Test
    void previewLinkShowsTheDraftAsReadersWillSeeItUntilItExpires() {
        String id = createDraft("writer", "Preview me " + TestContent.unique("v"));
        String url = as("writer").post("/api/v1/admin/articles/" + id + "/preview-link").then().statusCode(200)
                .body("expiresAt", notNullValue()).extract().path("url");
        String path = url.replace("http://localhost:8081", "");

        given().get(path).then().statusCode(200).body("headline", startsWith("Preview me")).body("bodyHtml", startsWith("<p>"))
                .header("X-Robots-Tag", containsString("noindex")).header("Cache-Control", equalTo("private, no-store"));
        String token = path.substring(path.lastIndexOf('/') + 1);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        given().get("/api/v1/preview/" + forged).then().statusCode(404);
        given().get("/api/v1/preview/not-a-token").then().statusCode(404);
        // signed by this server, for this article, but past its expiry (and just before it)
        java.util.UUID article = java.util.UUID.fromString(id);
        given().get("/api/v1/preview/" + previews.issue(article, Instant.now().minusSeconds(1))).then().statusCode(404)
                .body("detail", containsString("expired"));
        given().get("/api/v1/preview/" + previews.issue(article, Instant.now().plusSeconds(30))).then().statusCode(200);
    }

    @Test
    void deletedArticlesDisappearEverywhere() {
        String id = createDraft("writer", "Delete me " + TestContent.unique("x"));
        as("writer").delete("/api/v1/admin/articles/" + id).then().statusCode(204);
        as("writer").get("/api/v1/admin/articles/" + id).then().statusCode(404);
        as("editor").get("/api/v1/admin/articles?ids=" + id).then().body("items", empty());
    }

    @Test
    void editorialListFiltersByStatus() {
        String draft = createDraft("editor", "Status filter " + TestContent.unique("f"));
        as("editor").get("/api/v1/admin/articles?status=draft&ids=" + draft).then().statusCode(200).body("items.id", contains(draft));
        as("editor").get("/api/v1/admin/articles?status=published&ids=" + draft).then().body("items", empty());
        as("editor").get("/api/v1/admin/articles?status=gone").then().statusCode(400).body("errors[0].parameter", equalTo("status"));
    }
}
