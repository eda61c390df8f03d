package dispatch.sync;

import static dispatch.support.Newsroom.article;
import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.articles.ArticleEditorService;
import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangesTest extends ApiTest {

    @Inject
    ArticleEditorService editor;

    @Inject
    EntityManager em;

    private static String head() {
        String cursor = null;
        while (true) {
            JsonPath page = given().get("/api/v1/changes?limit=1000" + (cursor == null ? "" : "&since=" + cursor)).then().statusCode(200)
                    .extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return page.getString("next");
            }
            cursor = page.getString("next");
        }
    }

    @Test
    void publishUpdateAndUnpublishAppearInOrderWithSummariesAndTombstones() {
        String since = head();
        String id = as("editor").contentType("application/json").body(article("Mirror me " + TestContent.unique("m")))
                .post("/api/v1/admin/articles").path("id");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        String etag = as("editor").get("/api/v1/admin/articles/" + id).header("ETag");
        as("editor").contentType("application/merge-patch+json").header("If-Match", etag).body("{\"headline\":\"Mirrored\"}")
                .patch("/api/v1/admin/articles/" + id).then().statusCode(200);

        JsonPath page = given().get("/api/v1/changes?since=" + since).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("article.published", "article.updated"), page.getList("items.findAll { it.id == '" + id + "' }.event"));
        given().get("/api/v1/changes?since=" + since).then()
                .body("items.find { it.event == 'article.updated' }.action", equalTo("upsert"))
                .body("items.find { it.event == 'article.updated' }.data.headline", equalTo("Mirrored"));

        as("editor").post("/api/v1/admin/articles/" + id + "/unpublish").then().statusCode(200);
        given().get("/api/v1/changes?since=" + page.getString("next")).then()
                .body("items[0].event", equalTo("article.unpublished")).body("items[0].action", equalTo("delete"))
                .body("items[0].id", equalTo(id)).body("items[0].data", nullValue());
        String tail = head();
        String tailEtag = given().get("/api/v1/changes?since=" + tail).then().body("items", org.hamcrest.Matchers.empty()).body("next", notNullValue())
                .header("Cache-Control", equalTo("no-cache")).extract().header("ETag");
        given().header("If-None-Match", tailEtag).get("/api/v1/changes?since=" + tail).then().statusCode(304);
    }

    @Test
    void draftsAndTheirEditsNeverAppear() {
        String since = head();
        String id = as("writer").contentType("application/json").body(article("Secret draft")).post("/api/v1/admin/articles").path("id");
        String etag = as("writer").get("/api/v1/admin/articles/" + id).header("ETag");
        as("writer").contentType("application/merge-patch+json").header("If-Match", etag).body("{\"headline\": \"Secret draft, edited\"}")
                .patch("/api/v1/admin/articles/" + id).then().statusCode(200);
        given().get("/api/v1/changes?since=" + since).then().body("items.findAll { it.id == '" + id + "' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void replayingFromTheStartReproducesExactlyThePublishedArticles() {
        editor.promoteDueScheduled();
        editor.expireDue();
        Map<String, String> lastAction = new LinkedHashMap<>();
        String cursor = null;
        while (true) {
            JsonPath page = given().get("/api/v1/changes?limit=1000" + (cursor == null ? "" : "&since=" + cursor)).then().extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            if (items.isEmpty()) {
                break;
            }
            for (Map<String, Object> item : items) {
                if ("article".equals(item.get("type"))) {
                    lastAction.put((String) item.get("id"), (String) item.get("action"));
                }
            }
            cursor = page.getString("next");
        }
        Set<String> mirrored = new HashSet<>();
        lastAction.forEach((id, action) -> {
            if (action.equals("upsert")) {
                mirrored.add(id);
            }
        });
        @SuppressWarnings("unchecked")
        List<Object> visible = em.createNativeQuery("select cast(id as text) from articles a where status in ('published', 'scheduled') "
                + "and published_at <= now() and (expire_at is null or expire_at > now())").getResultList();
        Set<String> expected = new HashSet<>();
        visible.forEach(v -> expected.add(v.toString()));
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(mirrored);
        Set<String> extra = new HashSet<>(mirrored);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "missing " + missing + ", extra " + extra);
    }

    @Test
    void noChangeIsSkippedWhileTransactionsCommitConcurrently() throws Exception {
        String since = head();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(as("editor").contentType("application/json").body(article("Concurrent " + i)).post("/api/v1/admin/articles").path("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> publishing = new ArrayList<>();
        for (String id : ids) {
            publishing.add(pool.submit(() -> as("editor").contentType("application/json").body("{}")
                    .post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200)));
        }
        // a mirror polls while the publications commit in whatever order they finish
        Set<String> seen = new HashSet<>();
        List<Long> seqs = new ArrayList<>();
        String cursor = since;
        long deadline = System.currentTimeMillis() + 20_000;
        while (!seen.containsAll(ids) && System.currentTimeMillis() < deadline) {
            JsonPath page = given().get("/api/v1/changes?limit=3&since=" + cursor).then().extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                seen.add((String) item.get("id"));
                seqs.add(Long.parseLong((String) item.get("seq")));
            }
            cursor = page.getString("next");
        }
        for (Future<?> f : publishing) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(seen.containsAll(ids), "the mirror missed " + ids.stream().filter(i -> !seen.contains(i)).toList());
        List<Long> sorted = new ArrayList<>(seqs);
        sorted.sort(Long::compare);
        assertEquals(sorted, seqs, "changes come in seq order");
        assertEquals(seqs.size(), new HashSet<>(seqs).size(), "no change twice");
    }

    @Test
    void aForeignCursorIsRefused() {
        given().get("/api/v1/changes?since=bm9wZQ").then().statusCode(400).body("errors[0].parameter", equalTo("since"));
        given().get("/api/v1/changes?limit=1001").then().statusCode(400);
    }
}
