package dispatch.live;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LiveTest extends ApiTest {

    @Inject
    DataSource dataSource;

    /** A published live article: [id, slug]. */
    static String[] liveArticle() {
        Map<String, Object> body = new HashMap<>(dispatch.support.Newsroom.article("Live: " + TestContent.unique("live")));
        body.put("type", "live");
        var created = as("editor").contentType("application/json").body(body).post("/api/v1/admin/articles");
        String id = created.path("id");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        return new String[] {id, created.path("slug")};
    }

    private static Map<String, Object> entry(String text) {
        return new HashMap<>(Map.of("title", "Update", "body", List.of(Map.of("type", "paragraph", "text", text))));
    }

    private static String add(String role, String articleId, Map<String, Object> entry) {
        return as(role).contentType("application/json").body(entry).post("/api/v1/admin/articles/" + articleId + "/live-entries").then()
                .statusCode(201).extract().path("id");
    }

    /** A reader of the event stream: parsed events arrive in {@code events}. */
    static final class StreamReader {
        final BlockingQueue<Map<String, String>> events = new LinkedBlockingQueue<>();
        /** Completes when the server ends the stream. */
        final java.util.concurrent.CompletableFuture<Void> ended;
        private final Map<String, String> current = new HashMap<>();

        StreamReader(String slug, String lastEventId) throws InterruptedException {
            LiveHub hub = io.quarkus.arc.Arc.container().instance(LiveHub.class).get();
            java.util.UUID article = java.util.UUID.fromString(given().get("/api/v1/articles/" + slug).path("id"));
            int before = hub.readersOf(article);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:8081/api/v1/articles/" + slug + "/live-entries/stream"))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            ended = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(this::line));
            // until the hub holds the subscription: an event committed before that would be missed
            for (long deadline = System.nanoTime() + 10_000_000_000L; hub.readersOf(article) <= before && System.nanoTime() < deadline;) {
                Thread.sleep(10);
            }
            if (hub.readersOf(article) <= before) {
                throw new AssertionError("the stream of " + slug + " was not subscribed within 10 s");
            }
        }

        private void line(String line) {
            if (line.isEmpty()) {
                if (current.containsKey("data")) {
                    events.add(Map.copyOf(current));
                }
                current.clear();
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                current.merge(line.substring(0, colon), line.substring(colon + 1).stripLeading(), (a, b) -> a + "\n" + b);
            }
        }

        Map<String, String> next() throws InterruptedException {
            Map<String, String> event = events.poll(10, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("no event arrived within 10 s");
            }
            return event;
        }
    }

    private static JsonNode data(Map<String, String> event) throws Exception {
        return new ObjectMapper().readTree(event.get("data"));
    }

    @Test
    void editorsWriteEntriesReadersListThem() {
        String[] article = liveArticle();
        Map<String, Object> first = entry("The first update.");
        first.put("keyEvent", true);
        String a = add("editor", article[0], first);
        String b = add("admin", article[0], entry("Second."));

        given().get("/api/v1/articles/" + article[1] + "/live-entries").then().statusCode(200)
                .body("items.id", contains(b, a)).body("items[1].keyEvent", equalTo(true))
                .body("items[1].bodyHtml", equalTo("<p>The first update.</p>\n")).body("closed", equalTo(false));
        given().get("/api/v1/articles/" + article[1] + "/live-entries?keyEvents=true").then().body("items.id", contains(a));

        as("editor").contentType("application/json").body(entry("Corrected first update.")).put("/api/v1/admin/articles/" + article[0]
                + "/live-entries/" + a).then().statusCode(200).body("bodyHtml", equalTo("<p>Corrected first update.</p>\n"));
        as("editor").delete("/api/v1/admin/articles/" + article[0] + "/live-entries/" + b).then().statusCode(204);
        given().get("/api/v1/articles/" + article[1] + "/live-entries").then().body("items.id", contains(a));
    }

    @Test
    void aWriterWritesEntriesOnlyIntoTheirOwnDraftAsTheArticleRuleSays() {
        // an editor's published live article is not the writer's: not even there, for them
        String[] published = liveArticle();
        String path = "/api/v1/admin/articles/" + published[0] + "/live-entries";
        Map<String, Object> forged = entry("Breaking: forged");
        forged.put("pinned", true);
        forged.put("keyEvent", true);
        as("writer").contentType("application/json").body(forged).post(path).then().statusCode(404);
        given().get("/api/v1/articles/" + published[1] + "/live-entries").then().statusCode(200).body("items", hasSize(0));
        String editors = add("editor", published[0], entry("By an editor"));
        as("writer").contentType("application/json").body(entry("Not mine")).put(path + "/" + editors).then().statusCode(404);
        as("writer").delete(path + "/" + editors).then().statusCode(404);

        // their own live draft: entries prepared before publication; once published, it is the editors'
        Map<String, Object> draft = new HashMap<>(dispatch.support.Newsroom.article("Live draft: " + TestContent.unique("live")));
        draft.put("type", "live");
        String own = as("writer").contentType("application/json").body(draft).post("/api/v1/admin/articles").then().statusCode(201)
                .extract().path("id");
        String prepared = add("writer", own, entry("Prepared"));
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + own + "/publish").then().statusCode(200);
        as("writer").contentType("application/json").body(entry("After publication")).post("/api/v1/admin/articles/" + own + "/live-entries")
                .then().statusCode(403);
        as("writer").contentType("application/json").body(entry("Edited after publication")).put("/api/v1/admin/articles/" + own
                + "/live-entries/" + prepared).then().statusCode(403);

        // another writer's draft, live or not, answers as an id that does not exist: nothing to learn from it
        String other = TestContent.unique("otherwriter");
        dispatch.support.Newsroom.newAccount(other, "writer");
        var otherWriter = dispatch.support.Newsroom.asToken(dispatch.support.Newsroom.token(other, dispatch.support.Newsroom.PASSWORD));
        String othersNews = otherWriter.contentType("application/json").body(dispatch.support.Newsroom.article("Other's news"))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().path("id");
        String othersLive = otherWriter.contentType("application/json").body(draft).post("/api/v1/admin/articles").then().statusCode(201)
                .extract().path("id");
        String missing = java.util.UUID.randomUUID().toString();
        for (String id : List.of(othersNews, othersLive, missing)) {
            as("writer").contentType("application/json").body(entry("Probe")).post("/api/v1/admin/articles/" + id + "/live-entries")
                    .then().statusCode(404).body("detail", equalTo("No article with id " + id));
        }
    }

    @Test
    void entriesNeedALiveArticleOpenCoverageAndAnEditorialRole() {
        String[] article = liveArticle();
        as("moderator").contentType("application/json").body(entry("x")).post("/api/v1/admin/articles/" + article[0] + "/live-entries")
                .then().statusCode(403);
        String news = as("editor").contentType("application/json").body(dispatch.support.Newsroom.article("Not live")).post("/api/v1/admin/articles")
                .path("id");
        as("editor").contentType("application/json").body(entry("x")).post("/api/v1/admin/articles/" + news + "/live-entries").then().statusCode(409);
        as("editor").contentType("application/json").body(Map.of("body", List.of(Map.of("type", "marquee")))).post("/api/v1/admin/articles/"
                + article[0] + "/live-entries").then().statusCode(400);

        as("editor").post("/api/v1/admin/articles/" + article[0] + "/live-coverage/close").then().statusCode(200);
        as("editor").contentType("application/json").body(entry("Too late")).post("/api/v1/admin/articles/" + article[0] + "/live-entries")
                .then().statusCode(409);
        given().get("/api/v1/articles/" + article[1] + "/live-entries").then().body("closed", equalTo(true));
        given().get("/api/v1/articles/" + news + "/live-entries").then().statusCode(404);
    }

    @Test
    void unpublishingEndsTheStreamsAndTheEntriesAtOnce() throws Exception {
        String[] article = liveArticle();
        add("editor", article[0], entry("Before"));
        given().get("/api/v1/articles/" + article[1] + "/live-entries").then().statusCode(200); // cached now
        StreamReader reader = new StreamReader(article[1], null);

        as("editor").post("/api/v1/admin/articles/" + article[0] + "/unpublish").then().statusCode(200);
        reader.ended.get(10, TimeUnit.SECONDS);
        given().get("/api/v1/articles/" + article[1] + "/live-entries").then().statusCode(404);
        add("editor", article[0], entry("Written after the article was taken down"));
        assertEquals(null, reader.events.poll(500, TimeUnit.MILLISECONDS), "nothing reaches the reader of an unpublished article");
        given().get("/api/v1/articles/" + article[1] + "/live-entries/stream").then().statusCode(404);
    }

    @Test
    void sincePollingReturnsOnlyWhatIsNew() {
        String[] article = liveArticle();
        String a = add("editor", article[0], entry("A"));
        String b = add("editor", article[0], entry("B"));
        given().get("/api/v1/articles/" + article[1] + "/live-entries?since=" + a).then().body("items.id", contains(b));
        given().get("/api/v1/articles/" + article[1] + "/live-entries?since=" + b).then().body("items", empty());
        given().get("/api/v1/articles/" + article[1] + "/live-entries?since=yesterday").then().statusCode(400);
    }

    @Test
    void aConnectedReaderReceivesNewEditedDeletedAndClosedEvents() throws Exception {
        String[] article = liveArticle();
        StreamReader reader = new StreamReader(article[1], null);

        String a = add("editor", article[0], entry("Breaking"));
        Map<String, String> created = reader.next();
        assertEquals("entry", created.get("event"));
        assertEquals(a, data(created).path("id").asText());
        assertEquals("<p>Breaking</p>\n", data(created).path("bodyHtml").asText());

        as("editor").contentType("application/json").body(entry("Breaking, updated")).put("/api/v1/admin/articles/" + article[0]
                + "/live-entries/" + a).then().statusCode(200);
        Map<String, String> edited = reader.next();
        assertEquals("entry", edited.get("event"));
        assertTrue(Long.parseLong(edited.get("id")) > Long.parseLong(created.get("id")));

        as("editor").delete("/api/v1/admin/articles/" + article[0] + "/live-entries/" + a).then().statusCode(204);
        Map<String, String> deleted = reader.next();
        assertEquals("delete", deleted.get("event"));
        assertEquals(a, data(deleted).path("id").asText());

        as("editor").post("/api/v1/admin/articles/" + article[0] + "/live-coverage/close").then().statusCode(200);
        assertEquals("closed", reader.next().get("event"));
    }

    @Test
    void aReaderReconnectingWithLastEventIdGetsWhatItMissed() throws Exception {
        String[] article = liveArticle();
        add("editor", article[0], entry("Seen"));
        String seenId = given().get("/api/v1/articles/" + article[1] + "/live-entries").path("lastEventId");
        String missed1 = add("editor", article[0], entry("Missed one"));
        String missed2 = add("editor", article[0], entry("Missed two"));

        StreamReader reader = new StreamReader(article[1], seenId);
        assertEquals(missed1, data(reader.next()).path("id").asText());
        assertEquals(missed2, data(reader.next()).path("id").asText());
        String live = add("editor", article[0], entry("Live again"));
        assertEquals(live, data(reader.next()).path("id").asText());
    }

    @Test
    void anEntryCommittedByAnotherInstanceReachesReadersHere() throws Exception {
        String[] article = liveArticle();
        StreamReader reader = new StreamReader(article[1], null);
        UUID entryId = UUID.randomUUID();
        // what another instance's transaction does: the entry, its event, and the NOTIFY, committed together
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement entry = c.prepareStatement("insert into live_entries (id, article_id, body) values (?, ?, "
                    + "'[{\"type\":\"paragraph\",\"text\":\"From elsewhere\"}]'::jsonb)");
                    PreparedStatement event = c.prepareStatement("insert into live_events (article_id, seq, type, entry_id) "
                            + "select ?, coalesce(max(seq), 0) + 1, 'entry', ? from live_events where article_id = ?");
                    PreparedStatement notify = c.prepareStatement("select pg_notify('dispatch_live', ? || ':0')")) {
                entry.setObject(1, entryId);
                entry.setObject(2, UUID.fromString(article[0]));
                entry.executeUpdate();
                event.setObject(1, UUID.fromString(article[0]));
                event.setObject(2, entryId);
                event.setObject(3, UUID.fromString(article[0]));
                event.executeUpdate();
                notify.setString(1, article[0]);
                notify.execute();
            }
            c.commit();
        }
        Map<String, String> received = reader.next();
        assertEquals(entryId.toString(), data(received).path("id").asText());
        assertEquals("<p>From elsewhere</p>\n", data(received).path("bodyHtml").asText());
    }
}
