package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP decoder refuses before any route runs (a request line or headers past its limits,
 * broken framing) still gets a problem a page can read: status, problem+json body with the request
 * id, CORS and security headers. Written on a raw socket, as no client library would send it.
 */
@QuarkusTest
class HttpLayerRefusalsTest {

    /** Past {@code quarkus.http.limits.max-initial-line-length}. */
    private static final int OVER_THE_LINE_LIMIT = 70_000;
    /** Past {@code quarkus.http.limits.max-header-size}. */
    private static final int OVER_THE_HEADER_LIMIT = 20_000;

    @TestHTTPResource("/")
    URI base;

    @Inject
    HttpLayerRefusals refusals;

    @BeforeEach
    void everyServerHasTheHandler() throws Exception {
        // given to the servers just after they bind (one per I/O thread)
        assertTrue(refusals.installed().get(30, TimeUnit.SECONDS) > 0, "servers given the handler");
    }

    private static JsonPath problem(RawHttp.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.head());
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.head());
        assertEquals("*", answer.header("Access-Control-Allow-Origin"), "a page on another origin can read it: " + answer.head());
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertNotNull(answer.header("X-Request-Id"));
        JsonPath body = JsonPath.from(answer.body());
        assertEquals(status, body.getInt("status"));
        assertEquals(code, body.getString("code"));
        assertEquals(answer.header("X-Request-Id"), body.getString("requestId"));
        assertTrue(body.getString("detail").length() > 10, body.getString("detail"));
        return body;
    }

    @Test
    void aRequestLinePastTheDecodersLimitGetsA414Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.get(base, "/api/v1/articles?q=" + "a".repeat(OVER_THE_LINE_LIMIT));
        JsonPath body = problem(answer, 414, "URI_TOO_LONG");
        assertNull(body.getString("instance"), "the line was not read, so there is no path to name");
    }

    @Test
    void headersPastTheDecodersLimitGetA431ProblemNamingThePath() throws Exception {
        RawHttp.Answer answer = RawHttp.send(base, "GET /api/v1/sections HTTP/1.1\r\nHost: localhost\r\nOrigin: https://front.example\r\n"
                + "Cookie: " + "c".repeat(OVER_THE_HEADER_LIMIT) + "\r\n\r\n");
        JsonPath body = problem(answer, 431, "HEADERS_TOO_LARGE");
        assertEquals("/api/v1/sections", body.getString("instance"));
    }

    @Test
    void aMalformedHeaderGetsA400ProblemAndTheConnectionIsClosed() throws Exception {
        // a space inside a header name, and a second request after it that must never be answered
        RawHttp.Answer answer = RawHttp.send(base, "GET /api/v1/sections HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n\r\n"
                + "GET /api/v1/sections HTTP/1.1\r\nHost: localhost\r\n\r\n");
        JsonPath body = problem(answer, 400, "MALFORMED_REQUEST");
        assertEquals("/api/v1/sections", body.getString("instance"));
        assertEquals("close", answer.header("Connection"));
        assertEquals(1, answer.body().split("HTTP/1\\.1 ", -1).length, "nothing after the problem: " + answer.body());
    }

    @Test
    void anUnreadableRequestLineGetsA400Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(base, "GET /api/v1/sections HTTP/9.9x\r\nHost: localhost\r\n\r\n");
        problem(answer, 400, "MALFORMED_REQUEST");
    }

    @Test
    void aContentLengthThatIsNotANumberGetsA400Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(base, "POST /api/v1/sections HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: ten\r\n\r\n{}");
        problem(answer, 400, "MALFORMED_REQUEST");
    }
}
