package dispatch.common.http;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.support.ApiTest;
import dispatch.support.Newsroom;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dates at the edges of what can be typed: refused with a problem when they are not RFC 3339 (the
 * expanded years ISO-8601 allows, past what PostgreSQL and a duration hold), and harmless when they
 * are far off but valid (an editor's typo of 3026 or 9999 for a schedule).
 */
@QuarkusTest
class HostileDatesTest extends ApiTest {

    @Inject
    ResponseCache cache;

    @Test
    void queryDatesPastFourDigitYearsAreA400() {
        for (String parameter : List.of("from", "to")) {
            for (String value : List.of("%2B294277-01-01T00:00:00Z", "-294277-01-01T00:00:00Z", "%2B999999999-12-31T23:59:59Z",
                    "2026-02-30T00:00:00Z", "2026-12-08T25:00:00Z", "2026-12-08%2010:00:00Z", "2026-12-08T10:00:00")) {
                given().urlEncodingEnabled(false).get("/api/v1/articles?" + parameter + "=" + value).then().statusCode(400)
                        .body("code", equalTo("INVALID_PARAMETER")).body("errors[0].parameter", equalTo(parameter));
            }
        }
        given().get("/api/v1/articles?from=2023-08-22&to=2026-12-08T10:00:00.123+01:00").then().statusCode(200);
    }

    @Test
    void bodyDatesPastFourDigitYearsAreA400() {
        String id = as("editor").contentType("application/json").body(Newsroom.article("Dated " + TestContent.unique("d")))
                .post("/api/v1/admin/articles").then().statusCode(201).extract().path("id");
        for (String value : List.of("+999999999-12-31T23:59:59Z", "+294277-01-01T00:00:00Z", "1700000000", "tomorrow")) {
            Object json = value.matches("\\d+") ? Long.parseLong(value) : value;
            as("editor").contentType("application/json").body(Map.of("publishAt", json)).post("/api/v1/admin/articles/" + id + "/publish")
                    .then().statusCode(400).body("code", equalTo("MALFORMED_BODY")).body("detail", org.hamcrest.Matchers.containsString("'/publishAt'"));
            as("editor").contentType("application/json").body(Map.of("closedAt", json)).put("/api/v1/admin/articles/" + id + "/comment-settings")
                    .then().statusCode(400).body("code", equalTo("MALFORMED_BODY"));
        }
    }

    @Test
    void aScheduleCenturiesAheadBreaksNoRead() {
        for (String at : List.of("2400-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            String id = as("editor").contentType("application/json").body(Newsroom.article("Far off " + TestContent.unique("f")))
                    .post("/api/v1/admin/articles").then().statusCode(201).extract().path("id");
            as("editor").contentType("application/json").body(Map.of("publishAt", at)).post("/api/v1/admin/articles/" + id + "/publish")
                    .then().statusCode(200).body("status", equalTo("scheduled"));
        }
        cache.invalidateAll();
        for (String path : List.of("/api/v1/articles", "/api/v1/tags", "/api/v1/sections/news", "/feeds/latest.rss", "/sitemap.xml",
                "/api/v1/articles/russian-military-delegation-arrives-in-libya-invited-by-haftar")) {
            given().get(path).then().statusCode(200);
        }
    }

    @Test
    void aValidityFarOffIsClampedToTheCachesOwnLifetime() {
        long cap = 300_000_000_000L;
        assertEquals(cap, ResponseCache.nanosUntil(Instant.parse("2400-01-01T00:00:00Z"), cap));
        assertEquals(cap, ResponseCache.nanosUntil(Instant.MAX, cap));
        assertEquals(0, ResponseCache.nanosUntil(Instant.MIN, cap));
        assertEquals(cap, ResponseCache.nanosUntil(null, cap));
        long soon = ResponseCache.nanosUntil(Instant.now().plusSeconds(10), cap);
        assertEquals(true, soon > 9_000_000_000L && soon <= 10_000_000_000L, "ten seconds from now: " + soon);
    }
}
