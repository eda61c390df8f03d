package dispatch.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: no MIME sniffing, no referrer leaks, no framing, and a
 * Content-Security-Policy that lets nothing run (the API serves data; the Swagger UI under /q/ keeps
 * what it needs).
 */
@ApplicationScoped
public class SecurityHeaders {

    // encoded once: this runs on every response, cache hits included
    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_NAME = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence FRAME_NAME = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence CSP = HttpHeaders.createOptimized("default-src 'none'; frame-ancestors 'none'");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            set(rc.request().path(), rc.response().headers());
            rc.next();
        }, 990);
    }

    /** Sets the headers on a response to a request for {@code path} (null when the request had none). */
    static void set(String path, MultiMap headers) {
        headers.set(NOSNIFF_NAME, NOSNIFF);
        headers.set(REFERRER_NAME, NO_REFERRER);
        headers.set(FRAME_NAME, DENY);
        if (path == null || !path.startsWith("/q/swagger-ui")) {
            headers.set(CSP_NAME, CSP);
        }
    }
}
