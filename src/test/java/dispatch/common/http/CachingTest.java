package dispatch.common.http;

import static dispatch.support.Newsroom.article;
import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.common.persistence.SqlReads;
import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** The response cache: never stale after a commit, on this instance or another; 304s cost no query; purges are exact. */
@QuarkusTest
class CachingTest extends ApiTest {

    @Inject
    EntityManagerFactory emf;

    @Inject
    DataSource dataSource;

    @Inject
    SqlReads reads;

    @TestHTTPResource("/")
    URI baseUri;

    /** A published article through the API: [id, slug]. */
    private static String[] published(String section) {
        var body = article("Cached " + TestContent.unique("c"));
        body.put("section", section);
        body.put("tags", List.of("libya"));
        var created = as("editor").contentType("application/json").body(body).post("/api/v1/admin/articles");
        String id = created.path("id");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        return new String[] {id, created.path("slug")};
    }

    private static void patchHeadline(String id, String headline) {
        String etag = as("editor").get("/api/v1/admin/articles/" + id).header("ETag");
        as("editor").contentType("application/merge-patch+json").header("If-Match", etag).body("{\"headline\":\"" + headline + "\"}")
                .patch("/api/v1/admin/articles/" + id).then().statusCode(200);
    }

    @Test
    void aSeparatorHiddenInAValueCannotStoreAnAnswerUnderAnotherQuerysKey() {
        String poisoned = "/api/v1/articles?q=libya%26sort%3Drelevance&fields=slug";
        String real = "/api/v1/articles?q=libya&sort=relevance&fields=slug";
        // the attacker asks first, twice (miss, then hit from the fast path): a search for one odd word
        for (int i = 0; i < 2; i++) {
            given().urlEncodingEnabled(false).get(poisoned).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        }
        // a reader's real search is not answered with the stored empty page
        given().urlEncodingEnabled(false).get(real).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        given().urlEncodingEnabled(false).get(real).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void aCommittedChangeIsServedAtOnce() {
        String[] a = published("russia");
        given().get("/api/v1/articles/" + a[1]).then().statusCode(200);
        given().get("/api/v1/articles?section=russia&limit=100").then().body("items.slug", hasItem(a[1]));

        patchHeadline(a[0], "Corrected at once");
        given().get("/api/v1/articles/" + a[1]).then().body("headline", equalTo("Corrected at once"));
        given().get("/api/v1/articles?section=russia&limit=100").then().body("items.find { it.id == '" + a[0] + "' }.headline",
                equalTo("Corrected at once"));

        as("editor").post("/api/v1/admin/articles/" + a[0] + "/unpublish").then().statusCode(200);
        given().get("/api/v1/articles/" + a[1]).then().statusCode(404);
        given().get("/api/v1/articles?section=russia&limit=100").then().body("items.slug", not(hasItem(a[1])));
        given().get("/feeds/sections/russia.json?limit=100").then().body("items.url", not(hasItem(containsString(a[1]))));
    }

    @Test
    void aChangeCommittedByAnotherInstanceReachesThisOnesCache() throws Exception {
        String[] a = published("news");
        given().get("/api/v1/articles/" + a[1]).then().statusCode(200);
        // another instance: its transaction changes the row and NOTIFYs the keys it purges
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("update articles set status = 'unpublished' where id = ?");
                    PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(" + dispatch.sync.ChangeLog.LOCK_KEY + ")");
                    PreparedStatement event = c.prepareStatement("insert into events (seq, type, entity_type, entity_id, slug) "
                            + "select coalesce(max(seq), 0) + 1, 'article.unpublished', 'article', ?, ? from events");
                    PreparedStatement notify = c.prepareStatement("select pg_notify('dispatch_cache', ?)")) {
                update.setObject(1, UUID.fromString(a[0]));
                update.executeUpdate();
                lock.execute();
                event.setObject(1, UUID.fromString(a[0]));
                event.setString(2, a[1]);
                event.executeUpdate();
                notify.setString(1, "article-" + a[0] + " latest");
                notify.execute();
            }
            c.commit();
        }
        long deadline = System.currentTimeMillis() + 3000;
        int status = 200;
        while (status != 404 && System.currentTimeMillis() < deadline) {
            status = given().get("/api/v1/articles/" + a[1]).statusCode();
            Thread.sleep(20);
        }
        assertEquals(404, status, "the other instance's unpublish must reach this instance's cache");
    }

    @Test
    void concurrentMissesOfOneUrlShareOneRender() {
        HttpClient client = HttpClient.newHttpClient();
        // what one render of a fresh article costs, alone
        String[] alone = published("news");
        long before = reads.executed();
        given().get("/api/v1/articles/" + alone[1]).then().statusCode(200);
        long oneRender = reads.executed() - before;
        assertTrue(oneRender > 0);

        for (int round = 0; round < 3; round++) {
            String[] a = published("news");
            long start = reads.executed();
            List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>();
            for (int i = 0; i < 32; i++) { // a purged hot story: many readers miss at once
                responses.add(client.sendAsync(HttpRequest.newBuilder(baseUri.resolve("/api/v1/articles/" + a[1])).build(),
                        HttpResponse.BodyHandlers.discarding()));
            }
            responses.forEach(r -> assertEquals(200, r.join().statusCode()));
            long statements = reads.executed() - start;
            assertTrue(statements <= 2 * oneRender, "32 concurrent misses ran " + statements + " statements; one render runs " + oneRender);
        }
    }

    @Test
    void revalidationCostsNoDatabaseQuery() {
        String[] a = published("news");
        String etag = given().get("/api/v1/articles/" + a[1]).header("ETag");
        given().get("/api/v1/articles/" + a[1]).then().statusCode(200);
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        long plain = reads.executed(); // public reads run plain JDBC, beside Hibernate
        given().header("If-None-Match", etag).get("/api/v1/articles/" + a[1]).then().statusCode(304);
        given().get("/api/v1/articles/" + a[1]).then().statusCode(200);
        assertEquals(0, stats.getPrepareStatementCount(), "a cached article and its 304 touch no database (Hibernate)");
        assertEquals(plain, reads.executed(), "a cached article and its 304 touch no database (plain reads)");
    }

    @Test
    void responsesNameWhatTheyDependOn() {
        String[] a = published("russia");
        Response detail = given().get("/api/v1/articles/" + a[1]);
        Set<String> keys = new TreeSet<>(Arrays.asList(detail.header("Surrogate-Key").split(" ")));
        assertTrue(keys.containsAll(Set.of("article-" + a[0], "section-news", "section-russia", "tag-libya", "comments-" + a[0])), keys.toString());
        assertEquals(detail.header("Surrogate-Key").replace(' ', ','), detail.header("Cache-Tag"));
        String list = given().get("/api/v1/articles?section=russia&tag=libya&limit=5").header("Surrogate-Key");
        assertTrue(list.contains("section-list-russia") && list.contains("tag-list-libya") && !list.contains(" latest"), list);
        assertTrue(given().get("/api/v1/articles?limit=5").header("Surrogate-Key").contains("latest"));
        assertTrue(given().get("/feeds/latest.rss?limit=5").header("Surrogate-Key").contains("latest"));
        assertTrue(given().get("/sitemap.xml").header("Surrogate-Key").contains("articles-all"));
    }

    @Test
    void anEditPurgesExactlyTheArticleAndPublishingPurgesItsLists() {
        String[] a = published("russia");
        patchHeadline(a[0], "Only this");
        assertEquals(Set.of("article-" + a[0], "articles-all"), lastPurge());

        as("editor").post("/api/v1/admin/articles/" + a[0] + "/unpublish").then().statusCode(200);
        assertEquals(Set.of("article-" + a[0], "articles-all", "latest", "section-list-news", "section-list-russia", "tag-list-libya"),
                lastPurge());

        String draft = as("writer").contentType("application/json").body(article("Draft")).post("/api/v1/admin/articles").path("id");
        String etag = as("writer").get("/api/v1/admin/articles/" + draft).header("ETag");
        Instant before = Instant.now();
        as("writer").contentType("application/merge-patch+json").header("If-Match", etag).body("{\"headline\":\"Still a draft\"}")
                .patch("/api/v1/admin/articles/" + draft).then().statusCode(200);
        assertTrue(lastPurgeAt().isBefore(before), "a draft's edit purges nothing");
    }

    private HttpResponse<byte[]> fetch(String path, String... headers) {
        return fetch(HttpClient.Version.HTTP_1_1, path, headers);
    }

    private HttpResponse<byte[]> fetch(HttpClient.Version version, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).version(version); // no Accept-Encoding of its own
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void gzipClientsGetTheStoredCodingWithATagOfItsOwnAndOtherClientsTheSameBytesInflated() {
        String article = "/api/v1/articles/" + published("russia")[1];
        var zipped = fetch(article, "Accept-Encoding", "gzip"); // a miss, rendered by the resource
        var plain = fetch(article); // a hit from the HTTP layer, inflated
        var zippedHit = fetch(article, "Accept-Encoding", "gzip, deflate, br");
        var plainHit = fetch(article, "Accept-Encoding", "identity");
        assertEquals(200, zipped.statusCode());
        assertEquals("gzip", header(zipped, "Content-Encoding"));
        assertEquals(null, header(plain, "Content-Encoding"));
        assertTrue(header(plain, "Vary").contains("Accept-Encoding") && header(zipped, "Vary").contains("Accept-Encoding"));
        assertTrue(new String(plain.body(), java.nio.charset.StandardCharsets.UTF_8).startsWith("{"));
        assertTrue(Arrays.equals(plain.body(), GzipTest.gunzip(zipped.body())), "both codings carry the same representation");
        assertTrue(Arrays.equals(zipped.body(), zippedHit.body()) && Arrays.equals(plain.body(), plainHit.body()));
        assertEquals(Gzip.etag(header(plain, "ETag")), header(zipped, "ETag"), "a strong tag per coding");
        assertEquals(header(zipped, "ETag"), header(zippedHit, "ETag"));
        assertEquals(header(plain, "ETag"), header(plainHit, "ETag"));

        // revalidation compares with the tag of the coding this client would be sent
        String plainTag = header(plain, "ETag");
        String zippedTag = header(zipped, "ETag");
        assertEquals(304, fetch(article, "Accept-Encoding", "gzip", "If-None-Match", zippedTag).statusCode());
        assertEquals(304, fetch(article, "If-None-Match", plainTag).statusCode());
        var other = fetch(article, "Accept-Encoding", "gzip", "If-None-Match", plainTag);
        assertEquals(200, other.statusCode());
        assertEquals("gzip", header(other, "Content-Encoding"));
        assertEquals(200, fetch(article, "If-None-Match", zippedTag).statusCode());

        // clients that refuse gzip get the identity bytes: the HTTP layer adds no coding of its own
        for (String refusing : List.of("deflate", "br;q=1, gzip;q=0", "gzip;q=0, *")) {
            var response = fetch(article, "Accept-Encoding", refusing);
            assertEquals(null, header(response, "Content-Encoding"), refusing);
            assertEquals(plainTag, header(response, "ETag"), refusing);
            assertTrue(Arrays.equals(plain.body(), response.body()), refusing);
        }

        // a list first rendered for a client without gzip is stored compressed all the same
        String list = "/api/v1/articles?section=russia&limit=20";
        var listPlain = fetch(list);
        var listZipped = fetch(list, "Accept-Encoding", "gzip");
        assertEquals(null, header(listPlain, "Content-Encoding"));
        assertEquals("gzip", header(listZipped, "Content-Encoding"));
        assertTrue(Arrays.equals(listPlain.body(), GzipTest.gunzip(listZipped.body())));
        assertTrue(listZipped.body().length * 3 < listPlain.body().length, "a page of summaries shrinks several times");

        // a media type Quarkus would not compress (a JSON Feed) keeps the coding its body has
        var feed = fetch("/feeds/sections/russia.json", "Accept-Encoding", "gzip");
        assertEquals("gzip", header(feed, "Content-Encoding"));
        assertTrue(new String(GzipTest.gunzip(feed.body()), java.nio.charset.StandardCharsets.UTF_8).startsWith("{"));

        // over HTTP/2 (cleartext upgrade) the HTTP layer compresses: once, and names no identity coding
        var h2Zipped = fetch(HttpClient.Version.HTTP_2, article, "Accept-Encoding", "gzip");
        var h2Plain = fetch(HttpClient.Version.HTTP_2, article);
        assertEquals(HttpClient.Version.HTTP_2, h2Zipped.version());
        assertEquals("gzip", header(h2Zipped, "Content-Encoding"));
        assertTrue(Arrays.equals(plain.body(), GzipTest.gunzip(h2Zipped.body())), "compressed once");
        assertEquals(null, header(h2Plain, "Content-Encoding"));
        assertTrue(Arrays.equals(plain.body(), h2Plain.body()));
    }

    @Test
    void anEditReachesClientsOfEitherCodingAtOnce() {
        String[] a = published("russia");
        String article = "/api/v1/articles/" + a[1];
        for (int i = 0; i < 2; i++) { // a miss, then a hit that keeps an inflated copy
            fetch(article);
            fetch(article, "Accept-Encoding", "gzip");
        }
        patchHeadline(a[0], "Corrected for every coding");
        for (int i = 0; i < 2; i++) { // the render after the purge, then a hit from the new entry
            String plain = new String(fetch(article).body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(plain.contains("Corrected for every coding"), plain);
            var zipped = fetch(article, "Accept-Encoding", "gzip");
            String unzipped = new String(GzipTest.gunzip(zipped.body()), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(unzipped.contains("Corrected for every coding"), unzipped);
        }
    }

    private Set<String> lastPurge() {
        try (var em = emf.createEntityManager()) {
            String keys = (String) em.createNativeQuery("select string_agg(k, ' ') from (select payload from events where type = 'cache.purge' "
                    + "order by seq desc limit 1) e, jsonb_array_elements_text(e.payload->'keys') k").getSingleResult();
            return new TreeSet<>(Arrays.asList(keys.split(" ")));
        }
    }

    private Instant lastPurgeAt() {
        try (var em = emf.createEntityManager()) {
            return dispatch.common.persistence.Rows.instant(em.createNativeQuery("select max(occurred_at) from events where type = 'cache.purge'")
                    .getSingleResult());
        }
    }
}
