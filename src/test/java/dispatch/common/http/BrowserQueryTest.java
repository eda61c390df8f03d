package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Queries as browsers send them: written as raw bytes on a socket, since every HTTP client library
 * would encode what a browser leaves raw ({@code | { } ^} by the WHATWG URL rules).
 */
@QuarkusTest
class BrowserQueryTest {

    @TestHTTPResource("/")
    URI base;

    private RawHttp.Answer raw(String target) throws Exception {
        return RawHttp.get(base, target);
    }

    @Test
    void aRawPipeInAFilterMeansWhatItsEncodedFormMeans() throws Exception {
        for (String[] pair : new String[][] {{"tag=libya|egypt,-sport", "tag=libya%7Cegypt,-sport"},
            {"section=news|culture", "section=news%7Cculture"}}) {
            RawHttp.Answer raw = raw("/api/v1/articles?limit=50&fields=slug&" + pair[0]);
            RawHttp.Answer encoded = raw("/api/v1/articles?limit=50&fields=slug&" + pair[1]);
            assertEquals(200, raw.status(), raw.body());
            assertEquals("*", raw.header("Access-Control-Allow-Origin"));
            assertTrue(!JsonPath.from(raw.body()).getList("items").isEmpty(), "the demo content has matching articles: " + pair[0]);
            assertEquals(JsonPath.from(encoded.body()).getList("items.slug"), JsonPath.from(raw.body()).getList("items.slug"));
        }
    }

    @Test
    void rawBracesAndCaretsInASearchAreAccepted() throws Exception {
        RawHttp.Answer raw = raw("/api/v1/articles?q=libya%20{haftar}^2&limit=1");
        assertEquals(200, raw.status(), raw.body());
        assertEquals("*", raw.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aMalformedTargetGetsAProblemWithItsRequestIdAndCors() throws Exception {
        for (String target : new String[] {"/api/v1/articles?q=%zz", "/api/v1/articles/%00", "/api/v1/tags/%C3%28", "/api/v1/articles?q=50%"}) {
            RawHttp.Answer raw = raw(target);
            assertEquals(400, raw.status(), target);
            assertEquals("application/problem+json", raw.header("Content-Type"), target);
            assertEquals("*", raw.header("Access-Control-Allow-Origin"), target);
            assertEquals(raw.header("X-Request-Id"), JsonPath.from(raw.body()).getString("requestId"), target);
            assertEquals("MALFORMED_URI", JsonPath.from(raw.body()).getString("code"), target);
        }
    }

    @Test
    void anOverlongTargetGetsA414Problem() throws Exception {
        RawHttp.Answer raw = raw("/api/v1/articles?q=" + "a".repeat(RequestTargets.MAX_TARGET));
        assertEquals(414, raw.status());
        assertEquals("application/problem+json", raw.header("Content-Type"));
        assertEquals("*", raw.header("Access-Control-Allow-Origin"));
        assertEquals(raw.header("X-Request-Id"), JsonPath.from(raw.body()).getString("requestId"));
    }
}
