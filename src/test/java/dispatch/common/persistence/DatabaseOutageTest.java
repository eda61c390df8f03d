package dispatch.common.persistence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.common.http.ResponseCache;
import dispatch.support.ApiTest;
import dispatch.support.Newsroom;
import dispatch.support.TestContent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under load and comes back, twice: a network cut (a proxy between the app and
 * the database breaks every open connection and refuses new ones) and a real stop and start of the
 * server. Readers get stale copies or a
 * 503, readiness goes DOWN and comes back UP by itself, and every write the API acknowledged is there
 * afterwards.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.ThroughFlakyProxy.class)
class DatabaseOutageTest extends ApiTest {

    static final String SAMPLE = "/api/v1/articles/russian-military-delegation-arrives-in-libya-invited-by-haftar";

    @Inject
    ResponseCache cache;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aNetworkCutLeavesReadersServedAndLosesNoAcknowledgedWrite() throws Exception {
        survives(() -> ProxyResource.proxy.cut(), () -> ProxyResource.proxy.restore());
    }

    /**
     * A real stop ({@code pg_ctl stop -m fast}: open sessions end with 57P01, then connections are
     * refused) and a start of the same server on the same port and data.
     */
    @Test
    void aStoppedAndRestartedServerLeavesReadersServedAndLosesNoAcknowledgedWrite() throws Exception {
        survives(ProxyResource::stopDatabase, ProxyResource::startDatabase);
    }

    private void survives(Runnable outage, Runnable recovery) throws Exception {
        RestAssuredConfig bounded = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 20_000).setParam("http.connection.timeout", 5_000));
        waitFor(() -> given().config(bounded).get("/q/health/ready").statusCode() == 200, "readiness UP before the outage");
        String etag = given().get(SAMPLE).then().statusCode(200).extract().header("ETag");
        String token = Newsroom.adminToken();

        Writer writer = new Writer(port, token);
        Thread writing = new Thread(writer, "outage-writer");
        writing.start();
        try {
            waitFor(() -> writer.acknowledged.size() >= 3, "writes before the outage");

            cache.expireAll();
            outage.run();
            try {
                given().config(bounded).get(SAMPLE).then().statusCode(200).header("ETag", etag).header("Warning", containsString("110"));
                given().config(bounded).get("/api/v1/articles?q=" + TestContent.unique("outage")).then().statusCode(503)
                        .contentType("application/problem+json").body("code", equalTo("DATABASE_UNAVAILABLE"))
                        .header("Retry-After", notNullValue());
                waitFor(() -> given().config(bounded).get("/q/health/ready").statusCode() == 503, "readiness DOWN");
                int refusedBefore = writer.refused.get();
                waitFor(() -> writer.refused.get() > refusedBefore, "writes refused during the outage");
            } finally {
                recovery.run();
            }

            waitFor(() -> given().config(bounded).get("/q/health/ready").statusCode() == 200, "readiness UP again without a restart");
            int acknowledgedBefore = writer.acknowledged.size();
            waitFor(() -> writer.acknowledged.size() > acknowledgedBefore + 2, "writes accepted again");
        } finally {
            writer.running.set(false);
            writing.join(30_000);
        }

        assertEquals(List.of(), writer.unexpected, "every write was either acknowledged or refused with a 503 problem");
        List<String> lost = new ArrayList<>();
        for (String id : writer.acknowledged) {
            if (Newsroom.asToken(token).get("/api/v1/admin/articles/" + id).statusCode() != 200) {
                lost.add(id);
            }
        }
        assertEquals(List.of(), lost, "of " + writer.acknowledged.size() + " acknowledged writes");
        given().get(SAMPLE).then().statusCode(200).header("Warning", org.hamcrest.Matchers.nullValue());
    }

    private static void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(250);
        }
        assertTrue(condition.get(), "waited 30 s for " + what);
    }

    /** Creates drafts one after another, remembering which the API acknowledged and which it refused. */
    static final class Writer implements Runnable {
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> acknowledged = new CopyOnWriteArrayList<>();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
        final AtomicInteger refused = new AtomicInteger();
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final ObjectMapper json = new ObjectMapper();
        private final int port;
        private final String token;

        Writer(int port, String token) {
            this.port = port;
            this.token = token;
        }

        @Override
        public void run() {
            for (int i = 0; running.get(); i++) {
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/articles"))
                            .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Newsroom.article("Outage draft " + i)))).build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        acknowledged.add(json.readTree(response.body()).get("id").asText());
                    } else if (response.statusCode() == 503 && response.body().contains("DATABASE_UNAVAILABLE")) {
                        refused.incrementAndGet();
                    } else {
                        unexpected.add(response.statusCode() + " " + response.body());
                    }
                    Thread.sleep(50);
                } catch (IOException e) {
                    unexpected.add(e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public static class ThroughFlakyProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxyResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.background-validation-interval", "1S");
        }
    }

    /**
     * Starts an embedded PostgreSQL of its own (test resources live in another class loader than the
     * app, so they cannot join the app's) and points the app at it through a {@link FlakyProxy}; the
     * server can be stopped and started again on the same port and data.
     */
    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        static FlakyProxy proxy;
        private static final Path DATA = Path.of("target/test-pgdata-outage").toAbsolutePath();
        private static EmbeddedPostgres postgres;
        private static int databasePort;

        @Override
        public Map<String, String> start() {
            try {
                deleteRecursively(DATA);
                startDatabase();
                proxy = new FlakyProxy(databasePort);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(proxy.port()),
                    "quarkus.datasource.username", EmbeddedDatabase.USER, "quarkus.datasource.password", "",
                    "news.embedded-db.active", "true");
        }

        static synchronized void startDatabase() {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("fsync", "off");
                if (databasePort != 0) {
                    builder.setPort(databasePort);
                }
                postgres = builder.start();
                databasePort = postgres.getPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static synchronized void stopDatabase() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            try {
                if (proxy != null) {
                    proxy.close();
                }
                stopDatabase();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteRecursively(Path path) throws IOException {
            if (Files.exists(path)) {
                try (var walk = Files.walk(path)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
