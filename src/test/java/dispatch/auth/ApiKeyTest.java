package dispatch.auth;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyTest extends ApiTest {

    static final String SAMPLE = "russian-military-delegation-arrives-in-libya-invited-by-haftar";

    @Inject
    TestContent content;

    @Inject
    javax.sql.DataSource dataSource;

    private static Response createKey(Map<String, Object> body) {
        return as("admin").contentType("application/json").body(body).post("/api/v1/admin/api-keys");
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsKept() throws Exception {
        Response created = createKey(Map.of("name", "Partner " + TestContent.unique("p")));
        created.then().statusCode(201).body("key", startsWith("dk_")).body("tier", equalTo("standard")).body("fullText", equalTo(false));
        String id = created.path("id");

        as("admin").get("/api/v1/admin/api-keys").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }", not(hasKey("key")))
                .body("items.find { it.id == '" + id + "' }.prefix", equalTo(created.<String>path("key").substring(3, 11)));
        // what is stored is the SHA-256 of the key, never the key
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement select = c.prepareStatement("select secret_hash from api_keys where id = ?")) {
            select.setObject(1, java.util.UUID.fromString(id));
            try (java.sql.ResultSet row = select.executeQuery()) {
                org.junit.jupiter.api.Assertions.assertTrue(row.next());
                org.junit.jupiter.api.Assertions.assertEquals(dispatch.common.text.Digests.sha256Hex(created.path("key")), row.getString(1));
            }
        }
    }

    @Test
    void aKeyScopedToASectionSeesOnlyThatSubtree() {
        String key = createKey(Map.of("name", "Russia desk", "sections", List.of("russia"), "fullText", true)).path("key");

        given().header("X-API-Key", key).get("/api/v1/articles?limit=50").then().statusCode(200)
                .body("items.section.slug", everyItem(equalTo("russia")));
        given().header("X-API-Key", key).get("/api/v1/articles/" + SAMPLE).then().statusCode(200).body("body", notNullValue());
        given().header("X-API-Key", key).get("/api/v1/articles/55-killed-during-clashes-in-libyan-capital").then().statusCode(404);
        given().header("X-API-Key", key).get("/api/v1/articles?section=africa").then().body("items", empty());
    }

    @Test
    void aTeaserKeyNeverGetsBodies() {
        String key = createKey(Map.of("name", "Teasers " + TestContent.unique("t"))).path("key");

        given().header("X-API-Key", key).get("/api/v1/articles/" + SAMPLE).then().statusCode(200)
                .body("headline", notNullValue()).body("$", not(hasKey("body"))).body("$", not(hasKey("bodyHtml")))
                .header("Cache-Control", startsWith("private"));
        given().header("X-API-Key", key).get("/api/v1/articles/" + SAMPLE + "?fields=bodyHtml").then().statusCode(403);
        given().header("X-API-Key", key).get("/api/v1/articles?include=body").then().statusCode(403);
    }

    @Test
    void aKeyScopedToTagsSeesOnlyTaggedArticles() {
        String key = createKey(Map.of("name", "Libya watcher", "tags", List.of("libya"), "fullText", true)).path("key");

        given().header("X-API-Key", key).get("/api/v1/articles?limit=100&fields=tags").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0)) // everyItem holds for an empty list too
                .body("items.collect { it.tags.collect { t -> t.slug }.contains('libya') }", everyItem(equalTo(true)));
    }

    @Test
    void revokedUnknownAndMalformedKeysAre401() {
        Response created = createKey(Map.of("name", "Short-lived"));
        String key = created.path("key");
        given().header("X-API-Key", key).get("/api/v1/articles?limit=1").then().statusCode(200);

        as("admin").delete("/api/v1/admin/api-keys/" + created.path("id")).then().statusCode(204);
        given().header("X-API-Key", key).get("/api/v1/articles?limit=1").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().header("X-API-Key", key.substring(0, key.length() - 1) + "x").get("/api/v1/articles?limit=1").then().statusCode(401);
        given().header("X-API-Key", "garbage").get("/api/v1/articles?limit=1").then().statusCode(401);
    }

    @Test
    void aRevokedKeyIsRefusedOnEveryEndpointAndLosesItsTierAtOnce() throws Exception {
        Response created = createKey(Map.of("name", "Cut off " + TestContent.unique("r"), "tier", "unlimited", "fullText", true));
        String key = created.path("key");
        String web = given().get("/api/v1/articles/" + SAMPLE).path("links.web");
        List<String> paths = List.of("/api/v1/articles?limit=1", "/api/v1/changes?limit=1", "/api/v1/articles/" + SAMPLE + "/comments",
                "/api/v1/articles/" + SAMPLE + "/card", "/sitemap.xml", "/api/v1/sections", "/api/v1/comments/counts?articles=" + SAMPLE,
                "/feeds/latest.rss", "/api/v1/tags", "/oembed?url=" + web);
        for (String path : paths) {
            given().header("X-API-Key", key).get(path).then().statusCode(200);
        }
        given().header("X-API-Key", key).get("/api/v1/sections").then().header("RateLimit-Limit", equalTo(Integer.toString(Integer.MAX_VALUE)));

        as("admin").delete("/api/v1/admin/api-keys/" + created.path("id")).then().statusCode(204);
        for (String path : paths) {
            given().header("X-API-Key", key).get(path).then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        }
        // the tier goes with the NOTIFY every instance receives when the revocation commits
        String limit = null;
        for (int i = 0; i < 50 && !"1000000".equals(limit); i++) {
            Thread.sleep(100);
            limit = given().header("X-API-Key", key).get("/api/v1/sections").header("RateLimit-Limit");
        }
        org.junit.jupiter.api.Assertions.assertEquals("1000000", limit, "a revoked key is limited as an anonymous reader");
    }

    @Test
    void aKeysScopeHoldsOnEveryRepresentationOfAnArticle() {
        String key = createKey(Map.of("name", "Russia only " + TestContent.unique("s"), "sections", List.of("russia"), "fullText", true)).path("key");
        String outside = "55-killed-during-clashes-in-libyan-capital";
        String outsideWeb = given().get("/api/v1/articles/" + outside).path("links.web");
        String insideWeb = given().get("/api/v1/articles/" + SAMPLE).path("links.web");
        Map<String, Object> live = new java.util.HashMap<>(dispatch.support.Newsroom.article("Live outside " + TestContent.unique("l")));
        live.put("type", "live");
        var created = as("editor").contentType("application/json").body(live).post("/api/v1/admin/articles");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + created.path("id") + "/publish")
                .then().statusCode(200);
        String liveSlug = created.path("slug");
        for (String path : List.of("/api/v1/articles/" + outside + "/card", "/oembed?url=" + outsideWeb, "/api/v1/articles/" + outside + "/comments",
                "/api/v1/articles/" + liveSlug + "/live-entries")) {
            given().get(path).then().statusCode(200); // anyone else reads them, and they are cached now
            given().header("X-API-Key", key).get(path).then().statusCode(404);
        }
        given().header("X-API-Key", key).get("/api/v1/articles/" + liveSlug + "/live-entries/stream").then().statusCode(404);
        given().header("X-API-Key", key).contentType("application/json").body(Map.of("authorName", "Reader", "authorEmail", "reader@example.org", "body", "Hello"))
                .post("/api/v1/articles/" + outside + "/comments").then().statusCode(404);
        given().header("X-API-Key", key).get("/api/v1/comments/counts?articles=" + outside + "," + SAMPLE).then().statusCode(200)
                .body("counts", hasKey(SAMPLE)).body("counts", not(hasKey(outside)));
        given().header("X-API-Key", key).get("/api/v1/articles/" + SAMPLE + "/card").then().statusCode(200);
        given().header("X-API-Key", key).get("/oembed?url=" + insideWeb).then().statusCode(200);

        // sitemaps list what the key may see
        String month = given().get("/api/v1/articles/" + outside).<String>path("publishedAt").substring(0, 7);
        String monthly = "/sitemaps/articles-" + month + ".xml";
        org.junit.jupiter.api.Assertions.assertTrue(given().get(monthly).asString().contains(outsideWeb));
        Response scoped = given().header("X-API-Key", key).get(monthly);
        org.junit.jupiter.api.Assertions.assertTrue(scoped.statusCode() == 404 || !scoped.asString().contains(outsideWeb),
                "a Russia key's sitemap lists " + outsideWeb);
        String sampleMonth = "/sitemaps/articles-" + given().get("/api/v1/articles/" + SAMPLE).<String>path("publishedAt").substring(0, 7) + ".xml";
        org.junit.jupiter.api.Assertions.assertTrue(given().header("X-API-Key", key).get(sampleMonth).asString().contains(insideWeb));

        // the changes feed: articles outside the scope are deletions, nothing of them is told
        String next = given().get("/api/v1/changes?limit=1000").path("next");
        for (int page = 0; page < 50; page++) { // to the end of the log
            String after = given().get("/api/v1/changes?limit=1000&since=" + next).path("next");
            if (after == null || after.equals(next)) {
                break;
            }
            next = after;
        }
        // publish one more outside the scope, then read the tail as the key and as anyone
        String lastId = as("editor").contentType("application/json").body(dispatch.support.Newsroom.article("Outside " + TestContent.unique("o")))
                .post("/api/v1/admin/articles").path("id");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + lastId + "/publish").then().statusCode(200);
        given().get("/api/v1/changes?since=" + next).then().statusCode(200)
                .body("items.find { it.id == '" + lastId + "' }.action", equalTo("upsert"));
        given().header("X-API-Key", key).get("/api/v1/changes?since=" + next).then().statusCode(200)
                .body("items.find { it.id == '" + lastId + "' }.action", equalTo("delete"))
                .body("items.find { it.id == '" + lastId + "' }.data", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void feedsCarryFullTextForFullTextKeysOnly() {
        String teaser = createKey(Map.of("name", "Teaser feed " + TestContent.unique("t"))).path("key");
        String full = createKey(Map.of("name", "Full feed " + TestContent.unique("f"), "fullText", true)).path("key");
        String fragment = "Only full text keys read this " + TestContent.unique("p").replace("-", " ");
        Map<String, Object> body = new java.util.HashMap<>(dispatch.support.Newsroom.article("Feed body " + TestContent.unique("b")));
        body.put("body", List.of(Map.of("type", "paragraph", "text", "Opening."), Map.of("type", "paragraph", "text", fragment)));
        String id = as("editor").contentType("application/json").body(body).post("/api/v1/admin/articles").then().statusCode(201).extract().path("id");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        for (String feed : List.of("/feeds/latest.json", "/feeds/latest.rss", "/feeds/latest.atom", "/feeds/sections/news.rss")) {
            org.junit.jupiter.api.Assertions.assertTrue(given().header("X-API-Key", full).get(feed + "?limit=100").asString().contains(fragment),
                    feed + " gives a full-text key the body");
            org.junit.jupiter.api.Assertions.assertFalse(given().header("X-API-Key", teaser).get(feed + "?limit=100").asString().contains(fragment),
                    feed + " gives a teaser key the body");
            org.junit.jupiter.api.Assertions.assertFalse(given().get(feed + "?limit=100").asString().contains(fragment),
                    feed + " gives anonymous readers the body");
        }
    }

    @Test
    void aTeaserKeyGetsNoLiveEntries() {
        String key = createKey(Map.of("name", "Teasers " + TestContent.unique("t"))).path("key");
        Map<String, Object> live = new java.util.HashMap<>(dispatch.support.Newsroom.article("Live " + TestContent.unique("l")));
        live.put("type", "live");
        var created = as("editor").contentType("application/json").body(live).post("/api/v1/admin/articles");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + created.path("id") + "/publish")
                .then().statusCode(200);
        for (String path : List.of("/api/v1/articles/" + created.path("slug") + "/live-entries",
                "/api/v1/articles/" + created.path("slug") + "/live-entries/stream")) {
            given().header("X-API-Key", key).get(path).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        }
    }

    @Test
    void keysNameOnlyExistingSectionsAndTags() {
        createKey(Map.of("name", "Bad", "sections", List.of("atlantis"), "tags", List.of("unicorns"))).then().statusCode(400)
                .body("errors.pointer", contains("/sections/0", "/tags/0"));
        createKey(Map.of("name", "Bad tier", "tier", "gold")).then().statusCode(400);
    }
}
