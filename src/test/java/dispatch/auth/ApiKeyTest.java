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

    private static Response createKey(Map<String, Object> body) {
        return as("admin").contentType("application/json").body(body).post("/api/v1/admin/api-keys");
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsKept() {
        Response created = createKey(Map.of("name", "Partner " + TestContent.unique("p")));
        created.then().statusCode(201).body("key", startsWith("dk_")).body("tier", equalTo("standard")).body("fullText", equalTo(false));
        String id = created.path("id");

        as("admin").get("/api/v1/admin/api-keys").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }", not(hasKey("key")))
                .body("items.find { it.id == '" + id + "' }.prefix", equalTo(created.<String>path("key").substring(3, 11)));
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
    void keysNameOnlyExistingSectionsAndTags() {
        createKey(Map.of("name", "Bad", "sections", List.of("atlantis"), "tags", List.of("unicorns"))).then().statusCode(400)
                .body("errors.pointer", contains("/sections/0", "/tags/0"));
        createKey(Map.of("name", "Bad tier", "tier", "gold")).then().statusCode(400);
    }
}
