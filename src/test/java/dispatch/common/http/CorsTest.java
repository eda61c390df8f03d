package dispatch.common.http;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dispatch.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * CORS on every path a page may read: first and cached answers, gzip, 304, problems, feeds,
 * sitemaps, the live event stream, preflights; the editorial paths only for the configured origins (in tests
 * {@code https://newsroom.example}).
 */
@QuarkusTest
class CorsTest extends ApiTest {

    static final String SAMPLE = "/api/v1/articles/russian-military-delegation-arrives-in-libya-invited-by-haftar";
    static final String PAGE = "https://front.example";

    @jakarta.inject.Inject
    ResponseCache cache;

    @Test
    void publicReadsAnswerEveryOriginWithAStarOnFirstAndCachedAnswers() {
        for (String path : new String[] {SAMPLE, "/api/v1/articles?limit=2", "/api/v1/authors", "/api/v1/sections/news",
            "/feeds/latest.rss", "/feeds/latest.json", "/sitemap.xml", "/api/v1/changes?limit=1", SAMPLE + "/comments"}) {
            cache.invalidateAll(); // the first answer is rendered (whatever earlier tests left), the second a hit
            for (int i = 0; i < 2; i++) {
                given().header("Origin", PAGE).get(path).then().statusCode(200)
                        .header("Access-Control-Allow-Origin", "*")
                        .header("Access-Control-Expose-Headers", containsString("ETag"))
                        .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                        .header("Access-Control-Allow-Credentials", nullValue())
                        .header("Vary", not(containsString("Origin")));
                given().header("Origin", PAGE).header("Accept-Encoding", "gzip").get(path).then().statusCode(200)
                        .header("Access-Control-Allow-Origin", "*");
            }
        }
    }

    @Test
    void theLiveEventStreamAnswersEveryOriginToo() throws Exception {
        String live = given().get("/api/v1/articles?type=live&limit=1").then().statusCode(200).extract().path("items[0].slug");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<java.io.InputStream> stream = client.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:8081/api/v1/articles/" + live + "/live-entries/stream"))
                .header("Accept", "text/event-stream").header("Origin", PAGE).build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = stream.body()) {
            org.junit.jupiter.api.Assertions.assertEquals(200, stream.statusCode());
            org.junit.jupiter.api.Assertions.assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            org.junit.jupiter.api.Assertions.assertEquals("*", stream.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                    "an EventSource on another origin may read the stream");
        }
    }

    @Test
    void revalidationsAndProblemsCarryCorsToo() {
        String etag = given().get(SAMPLE).then().statusCode(200).extract().header("ETag");
        given().header("Origin", PAGE).header("If-None-Match", etag).get(SAMPLE).then().statusCode(304)
                .header("Access-Control-Allow-Origin", "*");
        given().header("Origin", PAGE).get("/api/v1/articles/no-such-story").then().statusCode(404)
                .contentType("application/problem+json").header("Access-Control-Allow-Origin", "*");
        given().header("Origin", PAGE).get("/api/v1/articles?limit=0").then().statusCode(400)
                .header("Access-Control-Allow-Origin", "*");
        given().header("Origin", PAGE).accept("application/xml").get(SAMPLE).then().statusCode(406)
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void aPreflightOfAPublicReadIsAnsweredAtOnce() {
        given().header("Origin", PAGE).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match, x-api-key").options(SAMPLE).then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("GET"))
                .header("Access-Control-Allow-Headers", containsString("X-API-Key"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Max-Age", "7200");
    }

    @Test
    void editorialPathsAnswerOnlyTheConfiguredOrigins() {
        Response allowed = as("admin").header("Origin", "https://newsroom.example").get("/api/v1/admin/articles?limit=1");
        allowed.then().statusCode(200).header("Access-Control-Allow-Origin", "https://newsroom.example")
                .header("Vary", containsString("Origin"));
        as("admin").header("Origin", PAGE).get("/api/v1/admin/articles?limit=1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", PAGE).header("Access-Control-Request-Method", "POST").options("/api/v1/admin/articles").then()
                .statusCode(204).header("Access-Control-Allow-Origin", nullValue()).header("Access-Control-Allow-Methods", nullValue());
        given().header("Origin", "https://newsroom.example").header("Access-Control-Request-Method", "PATCH")
                .options("/api/v1/admin/articles").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "https://newsroom.example")
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }

    @Test
    void authorsAreAPublicReadNotAnAuthenticationPath() {
        given().header("Origin", PAGE).get("/api/v1/authors").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", containsString("public"))
                .header("Cache-Control", not(equalTo("private, no-store")));
    }
}
