package dispatch.operations;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.common.http.ResponseCache;
import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Bounded inputs, security headers, CORS, rate limits, metrics and database trouble, seen from a client. */
@QuarkusTest
class OperationsTest extends ApiTest {

    static final String SAMPLE = "russian-military-delegation-arrives-in-libya-invited-by-haftar";

    @Inject
    ResponseCache cache;

    @Inject
    DataSource dataSource;

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (String path : new String[] {"/api/v1/articles", "/api/v1/nothing-here", "/feeds/latest.rss"}) {
            given().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", containsString("default-src 'none'"));
        }
    }

    @Test
    void corsLetsAnyPageReadWithoutCredentials() {
        given().header("Origin", "https://partner.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/articles").then().statusCode(204)
                .header("Access-Control-Allow-Origin", notNullValue())
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        given().header("Origin", "https://partner.example").get("/api/v1/articles").then()
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"));
    }

    @Test
    void anOversizedBodyIsRefusedWith413Problem() {
        given().contentType("application/json").body("{\"username\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}")
                .post("/api/v1/auth/token").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    /**
     * Rate limits count per calendar minute: a test that compares counts waits for the next minute when
     * this one is nearly over, so that no window starts between its requests.
     */
    private static void awaitRoomInThisMinute() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 40_000) {
            Thread.sleep(60_000 - intoMinute + 200);
        }
    }

    @Test
    void aPartnerOverItsLimitGets429WithRetryAfter() throws InterruptedException {
        awaitRoomInThisMinute();
        String key = as("admin").contentType("application/json").body(Map.of("name", TestContent.unique("limited")))
                .post("/api/v1/admin/api-keys").path("key");
        // the first request verifies the key; from then on it counts against the key's own bucket (40 in tests)
        given().header("X-API-Key", key).get("/api/v1/articles?limit=1").then().statusCode(200);
        Response first = given().header("X-API-Key", key).get("/api/v1/articles?limit=1");
        first.then().statusCode(200).header("RateLimit-Limit", "40").header("RateLimit-Reset", notNullValue());
        int remaining = Integer.parseInt(first.header("RateLimit-Remaining"));
        Response refused = null;
        for (int i = 0; i < 45 && refused == null; i++) {
            Response r = given().header("X-API-Key", key).get("/api/v1/articles?limit=1");
            int now = Integer.parseInt(r.header("RateLimit-Remaining"));
            assertTrue(now < remaining || now == 0, "remaining goes down: " + now + " after " + remaining);
            remaining = now;
            refused = r.statusCode() == 429 ? r : null;
        }
        assertTrue(refused != null, "the key was refused once its minute's budget was spent");
        refused.then().contentType("application/problem+json").body("code", equalTo("TOO_MANY_REQUESTS"))
                .header("Retry-After", notNullValue()).header("RateLimit-Remaining", "0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // readers without the key are not affected
        given().get("/api/v1/articles?limit=1").then().statusCode(200);
    }

    @Test
    void aForgedKeyCannotSpendAPartnersBudget() {
        String key = as("admin").contentType("application/json").body(Map.of("name", TestContent.unique("victim")))
                .post("/api/v1/admin/api-keys").path("key");
        given().header("X-API-Key", key).get("/api/v1/articles?limit=1").then().statusCode(200);
        String forged = key.substring(0, key.lastIndexOf('_') + 1) + "wrongsecretwrongsecret";
        for (int i = 0; i < 50; i++) {
            given().header("X-API-Key", forged).get("/api/v1/articles?limit=1").then().statusCode(401);
        }
        given().header("X-API-Key", key).get("/api/v1/articles?limit=1").then().statusCode(200).header("RateLimit-Limit", "40");
    }

    @Test
    void aRequestTheCacheAnswersCostsLessThanOneTheApplicationBuilds() throws InterruptedException {
        awaitRoomInThisMinute();
        String url = "/api/v1/articles?q=" + TestContent.unique("cost");
        int built = Integer.parseInt(given().get(url).header("RateLimit-Remaining"));
        int cached = Integer.parseInt(given().get(url).header("RateLimit-Remaining"));
        int builtAgain = Integer.parseInt(given().get(url + "x").header("RateLimit-Remaining"));
        assertEquals(1, built - cached, "a cached answer costs one unit");
        assertEquals(3, cached - builtAgain, "a built answer costs news.rate-limit.application-cost units");
    }

    /** {@code quarkus.management.test-port}: metrics are served there only. */
    private static final int MANAGEMENT_TEST_PORT = 9001;

    @Test
    void metricsExposeRequestsCacheAndPool() {
        given().get("/api/v1/articles/" + SAMPLE).then().statusCode(200);
        given().get("/api/v1/articles/" + SAMPLE).then().statusCode(200); // a hit, answered before routing
        given().get("/q/metrics").then().statusCode(404); // not on the public port
        String metrics = given().port(MANAGEMENT_TEST_PORT).get("/q/metrics").then().statusCode(200).extract().asString();
        for (String metric : new String[] {"dispatch_cache_hits_total", "dispatch_cache_misses_total", "dispatch_outbox_pending",
                "dispatch_outbox_lag_seconds", "http_server_requests_seconds_bucket", "agroal_active_count"}) {
            assertTrue(metrics.contains(metric), metric + " is exported");
        }
        assertTrue(metrics.contains("uri=\"/api/v1/articles/{slug}\""), "latency is recorded per route, not per URL");
        assertFalse(metrics.contains("uri=\"/api/v1/articles/" + SAMPLE), "cache hits are recorded under their route too");
    }

    @Test
    void whenTheDatabaseStallsReadersGetStaleCopiesOrA503() throws Exception {
        String article = "/api/v1/articles/" + SAMPLE;
        String etag = given().get(article).then().statusCode(200).extract().header("ETag");
        cache.expireAll();
        try (Connection locker = dataSource.getConnection(); Statement st = locker.createStatement()) {
            locker.setAutoCommit(false);
            st.execute("lock table articles in access exclusive mode");
            try {
                given().get(article).then().statusCode(200).header("ETag", etag).header("Warning", containsString("110"));
                given().get("/api/v1/articles?q=" + TestContent.unique("stalled")).then().statusCode(503)
                        .contentType("application/problem+json").body("code", equalTo("DATABASE_UNAVAILABLE"))
                        .header("Retry-After", notNullValue());
            } finally {
                locker.rollback();
            }
        }
        given().get(article).then().statusCode(200).header("Warning", org.hamcrest.Matchers.nullValue());
    }
}
