package dispatch.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged application as operators run it: a process of its own started from
 * {@code target/quarkus-app}, configured only through environment variables (JSON logs, tracing to
 * an OTLP collector), stopped with SIGTERM. Runs after {@code package} (failsafe).
 */
@TestMethodOrder(OrderAnnotation.class)
class PackagedApplicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN = "operator";
    private static final String ADMIN_PASSWORD = "operator-password-" + UUID.randomUUID();
    private static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(2);
    private static final Path WORK = Path.of("target/packaged-it").toAbsolutePath();

    private static final List<Export> exports = new CopyOnWriteArrayList<>();
    private static HttpServer collector;
    private static int port;
    private static Process app;
    private static Path log;

    private record Export(String path, byte[] body) {
    }

    @BeforeAll
    static void start() throws Exception {
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
                }
                exports.add(new Export(exchange.getRequestURI().getPath(), body));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        launch("first");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        if (collector != null) {
            collector.stop(0);
        }
    }

    /** The jar's main turns off the HTTP layer's URI check that refused these with an empty 400 (see common/Main). */
    @Test
    @Order(0)
    void theStartedJarAcceptsQueriesAsBrowsersSendThem() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /api/v1/articles?limit=1&tag=libya|egypt&q={x}^y HTTP/1.1\r\nHost: localhost\r\n"
                    + "Origin: https://front.example\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertTrue(answer.contains("Access-Control-Allow-Origin: *"), answer);
        }
    }

    @Test
    @Order(1)
    void logLinesAreJsonAndCarryTheRequestIdOfTheRequestThatLogged() throws Exception {
        String requestId = "it-" + UUID.randomUUID();
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody\",\"password\":\"wrong-password\"}")));
        assertEquals(401, response.statusCode());
        assertEquals(requestId, response.headers().firstValue("X-Request-Id").orElse(null));

        JsonNode line = awaitLogLine(node -> requestId.equals(node.path("mdc").path("requestId").asText()));
        assertEquals("WARN", line.path("level").asText());
        assertTrue(line.path("message").asText().contains("Failed login for 'nobody'"), line.toString());
        assertEquals("dispatch.auth.TokenService", line.path("loggerName").asText());
        for (String text : Files.readAllLines(log)) {
            if (!text.isBlank()) {
                assertNotNull(JSON.readTree(text), "every line of the log is one JSON object: " + text);
            }
        }
    }

    @Test
    @Order(2)
    void requestsAreTracedToTheConfiguredCollectorContinuingTheCallersTrace() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parent = "00-" + traceId + "-00f067aa0ba902b7-01";
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/v1/articles?limit=1")).header("traceparent", parent).GET());
        assertEquals(200, response.statusCode());

        byte[] traceBytes = HexFormat.of().parseHex(traceId);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (Export export : exports) {
                if (indexOf(export.body(), traceBytes) >= 0) {
                    assertEquals("/v1/traces", export.path());
                    return;
                }
            }
            Thread.sleep(100);
        }
        fail("no span of trace " + traceId + " reached the collector; exports seen: " + exports.size());
    }

    @Test
    @Order(3)
    void aStopLetsTheRequestInFlightFinishSendsLiveReadersElsewhereAndLosesNoWrite() throws Exception {
        JsonNode list = JSON.readTree(send(HttpRequest.newBuilder(url("/api/v1/articles?limit=1")).GET()).body());
        String slug = list.path("items").path(0).path("slug").asText();
        String live = JSON.readTree(send(HttpRequest.newBuilder(url("/api/v1/articles?type=live&limit=1")).GET()).body())
                .path("items").path(0).path("slug").asText();
        assertFalse(live.isEmpty(), "the seeded demo content has a live article");
        List<String> streamed = new CopyOnWriteArrayList<>();
        HTTP.sendAsync(HttpRequest.newBuilder(url("/api/v1/articles/" + live + "/live-entries/stream"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(streamed::add));
        Thread.sleep(500);
        byte[] body = JSON.writeValueAsBytes(Map.of("authorName", "Night reader", "authorEmail", "night@example.org",
                "body", "Sent while the server was stopping"));

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/articles/" + slug + "/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            Thread.sleep(500);

            long stopped = System.nanoTime();
            app.destroy();
            Thread.sleep(500);
            HttpResponse<String> readiness = send(HttpRequest.newBuilder(url("/q/health/ready")).GET());
            assertEquals(503, readiness.statusCode(), "a stopping instance is not ready, so the balancer sends no more");
            HttpResponse<String> straggler = send(HttpRequest.newBuilder(url("/api/v1/articles?limit=2")).GET());
            assertEquals(200, straggler.statusCode(), "until the balancer has noticed, requests are still served");

            Thread.sleep(SHUTDOWN_DELAY.toMillis() + 500);
            assertTrue(app.isAlive(), "after the delay, the process waits for the request it is still reading");
            assertTrue(streamed.stream().anyMatch(line -> line.replace(" ", "").equals("event:reconnect")), "live readers are sent to another instance by the end of the delay: " + streamed);
            out.write(body, 10, body.length - 10);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 202"), answer);
            String commentId = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("id").asText();

            assertTrue(app.waitFor(10, TimeUnit.SECONDS), "the process ends once the request is answered (open streams do not hold it)");
            assertTrue(System.nanoTime() - stopped < TimeUnit.SECONDS.toNanos(15), "stopped well before the 20 s drain timeout");
            assertFalse(Files.readString(log).contains("\"level\":\"ERROR\""), "no errors while stopping");

            launch("second");
            String token = JSON.readTree(send(HttpRequest.newBuilder(url("/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", ADMIN, "password", ADMIN_PASSWORD)))))
                    .body()).path("access_token").asText();
            JsonNode pending = JSON.readTree(send(HttpRequest.newBuilder(url("/api/v1/admin/comments?status=pending&article=" + slug))
                    .header("Authorization", "Bearer " + token).GET()).body());
            List<String> ids = new ArrayList<>();
            pending.path("items").forEach(item -> ids.add(item.path("id").asText()));
            assertTrue(ids.contains(commentId), "the comment accepted during shutdown is stored: " + pending);
        }
    }

    private static void launch(String name) throws Exception {
        log = WORK.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString())
                .directory(WORK.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(new HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", Integer.toString(port),
                "NEWS_EMBEDDED_DB_DIR", WORK.resolve("pgdata").toString(),
                "NEWS_LOCAL_SECRETS_DIR", WORK.resolve("secrets").toString(),
                "NEWS_DEMO_ARTICLES", "20",
                "NEWS_ADMIN_USERNAME", ADMIN,
                "NEWS_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true",
                "QUARKUS_SHUTDOWN_DELAY", SHUTDOWN_DELAY.toString())));
        env.putAll(Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT0.1S",
                "QUARKUS_MANAGEMENT_PORT", "0")); // metrics on a port of their own, wherever one is free
        app = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                fail("the application exited with " + app.exitValue() + ":\n" + tail());
            }
            try {
                if (send(HttpRequest.newBuilder(url("/q/health/ready")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("the application did not become ready:\n" + tail());
    }

    private static JsonNode awaitLogLine(Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (String text : Files.readAllLines(log)) {
                if (text.startsWith("{")) {
                    JsonNode node = JSON.readTree(text);
                    if (wanted.test(node)) {
                        return node;
                    }
                }
            }
            Thread.sleep(100);
        }
        return fail("no such log line:\n" + tail());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
