package dispatch.sync;

import static dispatch.support.Newsroom.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dispatch.common.http.CacheKeys;
import dispatch.support.ApiTest;
import dispatch.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With a CDN purge endpoint configured, a change calls it with the keys it purges (Fastly style). */
@QuarkusTest
@TestProfile(CdnPurgeTest.WithCdn.class)
class CdnPurgeTest extends ApiTest {

    static final int PORT = 18997;

    /** [method, Surrogate-Key, Fastly-Key] of each call the CDN received. */
    static final BlockingQueue<List<String>> CALLS = new LinkedBlockingQueue<>();
    static HttpServer cdn;

    public static class WithCdn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("news.cdn.purge-url", "http://127.0.0.1:" + PORT + "/service/test/purge", "news.cdn.purge-token", "cdn-token");
        }
    }

    @BeforeAll
    static void startCdn() throws Exception {
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        cdn.createContext("/service/test/purge", exchange -> {
            CALLS.add(List.of(exchange.getRequestMethod(), String.valueOf(exchange.getRequestHeaders().getFirst("Surrogate-Key")),
                    String.valueOf(exchange.getRequestHeaders().getFirst("Fastly-Key"))));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cdn.start();
    }

    @AfterAll
    static void stopCdn() {
        cdn.stop(0);
    }

    @Test
    void aPublicationPurgesItsKeysAtTheCdn() throws Exception {
        String id = as("editor").contentType("application/json").body(Newsroom.article("At the edge")).post("/api/v1/admin/articles")
                .then().statusCode(201).extract().path("id");
        CALLS.clear();
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        String key = CacheKeys.article(UUID.fromString(id));
        List<String> call = null;
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline;) {
            List<String> next = CALLS.poll(500, TimeUnit.MILLISECONDS);
            if (next != null && List.of(next.get(1).split(" ")).contains(key)) {
                call = next;
                break;
            }
        }
        assertNotNull(call, "the CDN was asked to purge " + key);
        assertEquals("POST", call.get(0));
        assertTrue(List.of(call.get(1).split(" ")).contains(CacheKeys.LATEST), call.get(1));
        assertEquals("cdn-token", call.get(2));
    }
}
