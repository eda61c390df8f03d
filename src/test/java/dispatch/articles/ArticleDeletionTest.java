package dispatch.articles;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.ApiTest;
import dispatch.support.Newsroom;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deleted story is gone from every public surface at once, cached or not: lists, search, related
 * articles, feeds, sitemaps, card, oEmbed, comments, live entries, collections; the changes feed
 * says so with a tombstone.
 */
@QuarkusTest
class ArticleDeletionTest extends ApiTest {

    private static String publish(Map<String, Object> body) {
        String id = as("editor").contentType("application/json").body(body).post("/api/v1/admin/articles").then().statusCode(201)
                .extract().path("id");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    void aDeletedPublishedArticleLeavesEveryPublicSurface() {
        String word = "zq" + TestContent.unique("w").replace("-", "");
        Map<String, Object> doomed = new HashMap<>(Newsroom.article("Doomed " + word));
        doomed.put("type", "live");
        doomed.put("tags", List.of("libya"));
        String id = publish(doomed);
        String slug = as("editor").get("/api/v1/admin/articles/" + id).path("slug");
        Map<String, Object> neighbour = new HashMap<>(Newsroom.article("Neighbour " + TestContent.unique("n")));
        neighbour.put("related", List.of(slug));
        String neighbourId = publish(neighbour);
        String neighbourSlug = as("editor").get("/api/v1/admin/articles/" + neighbourId).path("slug");
        String collection = TestContent.unique("doomed-picks");
        as("editor").contentType("application/json").body(Map.of("slug", collection, "name", "Picks", "articles", List.of(slug, neighbourSlug)))
                .post("/api/v1/admin/collections").then().statusCode(201);
        String web = given().get("/api/v1/articles/" + slug).path("links.web");
        String month = "/sitemaps/articles-" + given().get("/api/v1/articles/" + slug).<String>path("publishedAt").substring(0, 7) + ".xml";

        // seen everywhere first (and so cached)
        List<String> surfaces = List.of("/api/v1/articles?limit=100&fields=slug", "/api/v1/articles?q=" + word + "&fields=slug",
                "/api/v1/articles/" + neighbourSlug, "/api/v1/articles?tag=libya&limit=100&fields=slug", "/feeds/latest.rss", "/feeds/latest.atom", "/feeds/latest.json",
                "/feeds/tags/libya.rss", "/sitemap-news.xml", month, "/api/v1/collections/" + collection);
        for (String path : surfaces) {
            assertTrue(given().get(path).asString().contains(slug), path + " shows the article before it is deleted");
        }
        for (String path : List.of("/api/v1/articles/" + slug, "/api/v1/articles/" + slug + "/card", "/oembed?url=" + web,
                "/api/v1/articles/" + slug + "/comments", "/api/v1/articles/" + slug + "/live-entries")) {
            given().get(path).then().statusCode(200);
        }
        String since = given().get("/api/v1/changes?limit=1000").path("next");
        for (int page = 0; page < 50; page++) {
            String next = given().get("/api/v1/changes?limit=1000&since=" + since).path("next");
            if (next.equals(since)) {
                break;
            }
            since = next;
        }

        as("editor").delete("/api/v1/admin/articles/" + id).then().statusCode(204);

        for (String path : surfaces) {
            assertFalse(given().get(path).asString().contains(slug), path + " still shows the deleted article");
        }
        for (String path : List.of("/api/v1/articles/" + slug, "/api/v1/articles/" + slug + "/card", "/oembed?url=" + web,
                "/api/v1/articles/" + slug + "/comments", "/api/v1/articles/" + slug + "/live-entries",
                "/api/v1/articles/" + slug + "/live-entries/stream", "/api/v1/articles/" + slug + "/related")) {
            given().get(path).then().statusCode(404);
        }
        given().get("/api/v1/articles/" + neighbourSlug).then().statusCode(200).body("related.slug", not(hasItem(slug)));
        given().get("/api/v1/changes?since=" + since).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.action", equalTo("delete"))
                .body("items.find { it.id == '" + id + "' }.data", org.hamcrest.Matchers.nullValue());
    }
}
