package dispatch.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: no MIME sniffing, no referrer leaks, no framing, and a
 * Content-Security-Policy that lets nothing run (the API serves data; the Swagger UI under /q/ keeps
 * what it needs).
 */
@ApplicationScoped
public class SecurityHeaders {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            if (!rc.request().path().startsWith("/q/swagger-ui")) {
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            }
            rc.next();
        }, 990);
    }
}
