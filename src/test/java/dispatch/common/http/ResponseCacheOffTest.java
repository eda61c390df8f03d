package dispatch.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code news.http.cache-bytes=0} turns the response cache off: every read renders, nothing is kept. */
@QuarkusTest
@TestProfile(ResponseCacheOffTest.CacheOff.class)
class ResponseCacheOffTest extends ApiTest {

    @Inject
    TestContent content;

    @Inject
    ResponseCache cache;

    @TestHTTPResource("/")
    URI baseUri;

    @Test
    void withTheCacheOffNoReadIsAnsweredFromMemory() {
        String slug = content.article().save().slug;
        long hits = cache.hits();
        // many readers at once, as under load: a stored entry would be found before it could be evicted
        HttpClient client = HttpClient.newHttpClient();
        for (int round = 0; round < 20; round++) {
            List<CompletableFuture<HttpResponse<Void>>> responses = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String path = i % 2 == 0 ? "/api/v1/articles/" + slug : "/api/v1/articles?limit=5";
                responses.add(client.sendAsync(HttpRequest.newBuilder(baseUri.resolve(path)).build(), HttpResponse.BodyHandlers.discarding()));
            }
            responses.forEach(r -> assertEquals(200, r.join().statusCode()));
        }
        given().get("/api/v1/articles/" + slug).then().statusCode(200);
        assertEquals(hits, cache.hits(), "reads answered from the cache");
        assertEquals(0, cache.size(), "responses kept");
    }

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("news.http.cache-bytes", "0");
        }
    }
}
