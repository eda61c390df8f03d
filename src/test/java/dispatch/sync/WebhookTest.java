package dispatch.sync;

import static dispatch.support.Newsroom.article;
import static dispatch.support.Newsroom.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks against a real HTTP receiver on loopback. */
@QuarkusTest
class WebhookTest extends ApiTest {

    static final String SECRET = "a-receiver-secret-of-some-length";

    record Received(Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    String webhookId;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            if (status == 204) {
                received.add(new Received(Map.of("signature", exchange.getRequestHeaders().getFirst("X-Signature"),
                        "type", exchange.getRequestHeaders().getFirst("X-Event-Type")), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        webhookId = as("admin").contentType("application/json").body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "events", List.of("article.published", "article.updated", "article.unpublished"), "secret", SECRET))
                .post("/api/v1/admin/webhooks").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void stopReceiver() {
        as("admin").delete("/api/v1/admin/webhooks/" + webhookId);
        receiver.stop(0);
    }

    private List<Received> awaitFor(String articleId, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<Received> mine = received.stream().filter(r -> r.json().path("data").path("id").asText().equals(articleId)).toList();
            if (mine.size() >= count) {
                return mine;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("webhook deliveries for " + articleId + " did not arrive: " + received);
    }

    private static String draft() {
        return as("editor").contentType("application/json").body(article("Hooked " + TestContent.unique("h"))).post("/api/v1/admin/articles").path("id");
    }

    @Test
    void deliveriesAreSignedWithTheSecret() throws Exception {
        String id = draft();
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);

        Received delivery = awaitFor(id, 1).get(0);
        assertEquals("article.published", delivery.headers().get("type"));
        assertEquals("article.published", delivery.json().path("type").asText());
        String[] parts = delivery.headers().get("signature").split(",");
        long t = Long.parseLong(parts[0].substring(2));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals("v1=" + expected, parts[1]);
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 60);
        assertTrue(delivery.json().path("data").path("url").asText().startsWith("http://localhost:3000/"));
    }

    @Test
    void failedDeliveriesAreRetriedAndEventsOfOneArticleArriveInOrder() throws Exception {
        failuresLeft.set(2);
        String id = draft();
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        String etag = as("editor").get("/api/v1/admin/articles/" + id).header("ETag");
        as("editor").contentType("application/merge-patch+json").header("If-Match", etag).body("{\"headline\":\"Changed\"}")
                .patch("/api/v1/admin/articles/" + id).then().statusCode(200);
        as("editor").post("/api/v1/admin/articles/" + id + "/unpublish").then().statusCode(200);

        List<Received> mine = awaitFor(id, 3);
        assertEquals(List.of("article.published", "article.updated", "article.unpublished"),
                mine.stream().map(r -> r.json().path("type").asText()).toList());
        as("admin").get("/api/v1/admin/webhooks/" + webhookId + "/deliveries").then().statusCode(200)
                .body("items.find { it.event == 'article.published' }.attempts", equalTo(3))
                .body("items.find { it.event == 'article.published' }.status", equalTo("delivered"))
                .body("items.find { it.event == 'article.published' }.lastStatus", equalTo(204));
    }

    @Test
    void aDeliveryCanBeSentAgainByHand() throws Exception {
        String id = draft();
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        awaitFor(id, 1);
        Number deliveryId = as("admin").get("/api/v1/admin/webhooks/" + webhookId + "/deliveries").path("items[0].id");

        as("admin").post("/api/v1/admin/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(202);
        assertEquals(2, awaitFor(id, 2).size());
    }

    @Test
    void registrationIsValidatedAndAdminOnly() {
        as("admin").contentType("application/json").body(Map.of("url", "ftp://example.com/x", "events", List.of("article.exploded"),
                "secret", "short")).post("/api/v1/admin/webhooks").then().statusCode(400);
        as("editor").get("/api/v1/admin/webhooks").then().statusCode(403);
        as("admin").get("/api/v1/admin/webhooks/" + webhookId).then().statusCode(200).body("$", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasKey("secret")));
    }
}
