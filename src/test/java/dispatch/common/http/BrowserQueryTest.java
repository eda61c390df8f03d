package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Queries as browsers send them: written as raw bytes on a socket, since every HTTP client library
 * would encode what a browser leaves raw ({@code | { } ^} by the WHATWG URL rules).
 */
@QuarkusTest
class BrowserQueryTest {

    @TestHTTPResource("/")
    URI base;

    record Raw(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private Raw raw(String target) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nOrigin: https://front.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, text.substring(split + 4));
        }
    }

    @Test
    void aRawPipeInAFilterMeansWhatItsEncodedFormMeans() throws Exception {
        for (String[] pair : new String[][] {{"tag=libya|egypt,-sport", "tag=libya%7Cegypt,-sport"},
            {"section=news|culture", "section=news%7Cculture"}}) {
            Raw raw = raw("/api/v1/articles?limit=50&fields=slug&" + pair[0]);
            Raw encoded = raw("/api/v1/articles?limit=50&fields=slug&" + pair[1]);
            assertEquals(200, raw.status(), raw.body());
            assertEquals("*", raw.header("Access-Control-Allow-Origin"));
            assertTrue(!JsonPath.from(raw.body()).getList("items").isEmpty(), "the demo content has matching articles: " + pair[0]);
            assertEquals(JsonPath.from(encoded.body()).getList("items.slug"), JsonPath.from(raw.body()).getList("items.slug"));
        }
    }

    @Test
    void rawBracesAndCaretsInASearchAreAccepted() throws Exception {
        Raw raw = raw("/api/v1/articles?q=libya%20{haftar}^2&limit=1");
        assertEquals(200, raw.status(), raw.body());
        assertEquals("*", raw.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aMalformedTargetGetsAProblemWithItsRequestIdAndCors() throws Exception {
        for (String target : new String[] {"/api/v1/articles?q=%zz", "/api/v1/articles/%00", "/api/v1/tags/%C3%28", "/api/v1/articles?q=50%"}) {
            Raw raw = raw(target);
            assertEquals(400, raw.status(), target);
            assertEquals("application/problem+json", raw.header("Content-Type"), target);
            assertEquals("*", raw.header("Access-Control-Allow-Origin"), target);
            assertEquals(raw.header("X-Request-Id"), JsonPath.from(raw.body()).getString("requestId"), target);
            assertEquals("MALFORMED_URI", JsonPath.from(raw.body()).getString("code"), target);
        }
    }

    @Test
    void anOverlongTargetGetsA414Problem() throws Exception {
        Raw raw = raw("/api/v1/articles?q=" + "a".repeat(RequestTargets.MAX_TARGET));
        assertEquals(414, raw.status());
        assertEquals("application/problem+json", raw.header("Content-Type"));
        assertEquals("*", raw.header("Access-Control-Allow-Origin"));
        assertEquals(raw.header("X-Request-Id"), JsonPath.from(raw.body()).getString("requestId"));
    }
}
