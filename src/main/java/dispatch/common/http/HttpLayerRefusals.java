package dispatch.common.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Verticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.impl.Deployment;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.TCPServerBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * What the HTTP decoder refuses before any route sees it (a request line over
 * {@code quarkus.http.limits.max-initial-line-length}, headers over {@code max-header-size}, broken
 * framing) is answered like every other refusal: an RFC 9457 problem with the request id, the CORS
 * headers a page needs to read it and the security headers, then the connection is closed. Vert.x
 * would answer with an empty 414, 431 or 400, which a page sees as "Failed to fetch".
 *
 * <p>Vert.x takes such a handler as {@link HttpServer#invalidRequestHandler}, but Quarkus 3.33 creates
 * its servers without offering a way to set one (quarkus#55082; the pull request adding it, #55148, is
 * open). So it is set here, as soon as the HTTP verticles of Quarkus have all bound their servers
 * (a few milliseconds after start; a connection opened before keeps Vert.x's answer): by reflection
 * into Vert.x 4.5's server internals, each step checked. Should a Vert.x upgrade move
 * them, start-up logs a warning and Vert.x's empty answers are back, which
 * {@code HttpLayerRefusalsTest} reports; remove this class once Quarkus has the setting.
 */
@ApplicationScoped
class HttpLayerRefusals {

    private static final Logger LOG = Logger.getLogger(HttpLayerRefusals.class);
    /** The verticle Quarkus deploys once per I/O thread, each with its own server. */
    private static final String WEB_VERTICLE = "io.quarkus.vertx.http.runtime.VertxHttpRecorder$WebDeploymentVerticle";
    private static final int DETAIL_LENGTH = 200;

    /** Longer than any start of the servers, which follows the first's at once. */
    private static final Duration INSTALL_WAIT = Duration.ofSeconds(30);

    private final Cors cors;
    private final CompletableFuture<Integer> installed = new CompletableFuture<>();

    HttpLayerRefusals(Cors cors) {
        this.cors = cors;
    }

    /**
     * Once the first server listens, waits (off the event loops) until Quarkus's HTTP verticles have all
     * bound theirs, then gives each server the handler.
     */
    void serverStarted(@ObservesAsync HttpServerStart start, Vertx vertx) {
        try {
            long deadline = System.nanoTime() + INSTALL_WAIT.toNanos();
            List<HttpServer> servers = listening(vertx);
            while (servers == null && System.nanoTime() < deadline) {
                Thread.sleep(1);
                servers = listening(vertx);
            }
            if (servers == null) {
                throw new IllegalStateException("Quarkus's HTTP servers did not all start listening in " + INSTALL_WAIT);
            }
            Handler<HttpServerRequest> handler = this::refuse;
            for (HttpServer server : servers) {
                server.invalidRequestHandler(handler); // what the server would use were it to listen again
                // the handler the bound server gave its connections' handler when it started listening
                Object worker = read(server, TCPServerBase.class, "childHandler");
                Object connections = read(worker, worker.getClass(), "connectionHandler");
                write(connections, "invalidRequestHandler", handler);
            }
            installed.complete(servers.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            installed.completeExceptionally(e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Requests the HTTP decoder refuses get Vert.x's empty answers: its handler could not be replaced (%s)", e.toString());
            installed.completeExceptionally(e);
        }
    }

    /** The servers of Quarkus's HTTP verticles once every one of them listens, else null. */
    private static List<HttpServer> listening(Vertx vertx) throws ReflectiveOperationException {
        VertxInternal internal = (VertxInternal) vertx;
        for (String id : vertx.deploymentIDs()) {
            Deployment deployment = internal.getDeployment(id);
            if (deployment == null || deployment.getVerticles().stream().noneMatch(v -> v.getClass().getName().equals(WEB_VERTICLE))) {
                continue;
            }
            if (deployment.getVerticles().size() < deployment.deploymentOptions().getInstances()) {
                return null;
            }
            List<HttpServer> servers = new ArrayList<>();
            for (Verticle verticle : deployment.getVerticles()) {
                for (String name : List.of("httpServer", "httpsServer")) {
                    Object server = read(verticle, verticle.getClass(), name);
                    if (server instanceof HttpServer http) {
                        if (read(http, TCPServerBase.class, "childHandler") == null) {
                            return null; // not listening yet
                        }
                        servers.add(http);
                    }
                }
            }
            return servers;
        }
        return null;
    }

    /** How many servers were given the handler, once they are; for the tests that send what it answers. */
    CompletableFuture<Integer> installed() {
        return installed;
    }

    private void refuse(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        String code;
        String title;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            code = "URI_TOO_LONG";
            title = "URI Too Long";
            detail = "The request line is longer than this server reads";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            code = "HEADERS_TOO_LARGE";
            title = "Request Header Fields Too Large";
            detail = "The request's headers are larger than this server reads";
        } else {
            status = 400;
            code = "MALFORMED_REQUEST";
            title = "Malformed request";
            String reason = cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage();
            detail = "The request is not well-formed HTTP/1.1" + (reason.length() > DETAIL_LENGTH ? reason.substring(0, DETAIL_LENGTH) + "…" : reason);
        }
        String path = lineRead(request) ? request.path() : null;
        String id = RequestIds.idFor(request);
        JsonObject body = ProblemMappers.body(status, code, title, detail, path, id);
        HttpServerResponse response = request.response().setStatusCode(status);
        response.headers().set(RequestIds.HEADER, id).set("Content-Type", Problem.MEDIA_TYPE).set("Cache-Control", "no-store")
                .set("Connection", "close");
        cors.set(path, request.getHeader("Origin"), response.headers());
        SecurityHeaders.set(path, response.headers());
        response.end(body.encode()).onComplete(done -> response.close());
    }

    /**
     * Whether the request line was read: when it could not be, Netty stands in a {@code GET /bad-request}
     * of HTTP/1.0 for it.
     */
    private static boolean lineRead(HttpServerRequest request) {
        return !(request.version() == io.vertx.core.http.HttpVersion.HTTP_1_0 && "/bad-request".equals(request.uri())
                && request.method() == io.vertx.core.http.HttpMethod.GET);
    }

    private static Object read(Object target, Class<?> declaring, String name) throws ReflectiveOperationException {
        Field field = declaring.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    private static void write(Object target, String name, Object value) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(target, value);
    }
}
