package dispatch.common.http;

import dispatch.common.NewsConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin access, decided before anything else answers (the response cache's fast path, rate
 * limits, problems from filters), so every response of a path carries the same CORS headers.
 *
 * <p>Public reads are the same for every origin and are never sent with credentials (cookies): they
 * say {@code Access-Control-Allow-Origin: *} whether or not the request names an origin, so a CDN
 * can keep one copy without {@code Vary: Origin}. The editorial, authentication and preview paths
 * answer only the configured origins (the origin itself, with {@code Vary: Origin}), unless that list
 * is {@code *}. Credentials are never allowed: the API takes bearer tokens and keys in headers, which
 * a page sends explicitly, never cookies.
 */
@ApplicationScoped
public class Cors {

    // encoded once: this runs for every request, cache hits included
    private static final CharSequence ALLOW_ORIGIN = HttpHeaders.createOptimized("Access-Control-Allow-Origin");
    private static final CharSequence EXPOSE_HEADERS = HttpHeaders.createOptimized("Access-Control-Expose-Headers");
    private static final CharSequence ANY = HttpHeaders.createOptimized("*");
    private static final CharSequence ORIGIN = HttpHeaders.createOptimized("Origin");
    private static final CharSequence REQUEST_METHOD = HttpHeaders.createOptimized("Access-Control-Request-Method");

    /** What front ends read from responses beyond the CORS-safelisted headers. */
    static final String EXPOSED = "ETag, Link, Location, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, "
            + "X-Request-Id, Surrogate-Key, Warning";
    private static final CharSequence EXPOSED_VALUE = HttpHeaders.createOptimized(EXPOSED);
    /** The request headers a page may send (beyond the safelisted ones). */
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, If-Modified-Since, Last-Event-ID, "
            + "X-API-Key, X-Request-Id";
    static final String PUBLIC_METHODS = "GET, HEAD, POST, OPTIONS";
    static final String EDITORIAL_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    /** How long a browser may reuse a preflight answer (Chromium caps it at 2 hours). */
    static final String MAX_AGE = "7200";

    private final boolean anyEditorialOrigin;
    private final Set<String> editorialOrigins;

    Cors(NewsConfig config) {
        List<String> origins = config.http().editorialOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        this.anyEditorialOrigin = origins.contains("*");
        this.editorialOrigins = Set.copyOf(origins);
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 995); // after request ids (1000), before everything that may answer
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader(ORIGIN);
        boolean editorial = editorial(request.path());
        boolean allowed = set(editorial, origin, rc.response().headers());
        if (request.method() == HttpMethod.OPTIONS && origin != null && request.getHeader(REQUEST_METHOD) != null) {
            preflight(rc, editorial, allowed);
            return;
        }
        rc.next();
    }

    /** Not a public read: answered only to the configured origins. */
    private static boolean editorial(String path) {
        return path != null && PrivateResponses.editorial(path);
    }

    /**
     * Sets the CORS headers of a response to a request for {@code path} (null when the request had
     * none, as a public read) from {@code origin}; tells whether that origin may read it.
     */
    boolean set(String path, String origin, MultiMap headers) {
        return set(editorial(path), origin, headers);
    }

    private boolean set(boolean editorial, String origin, MultiMap headers) {
        boolean allowed;
        if (!editorial || anyEditorialOrigin) {
            headers.set(ALLOW_ORIGIN, ANY);
            allowed = true;
        } else {
            headers.add(HttpHeaders.VARY, ORIGIN);
            allowed = origin != null && editorialOrigins.contains(origin);
            if (allowed) {
                headers.set(ALLOW_ORIGIN, origin);
            }
        }
        if (allowed) {
            headers.set(EXPOSE_HEADERS, EXPOSED_VALUE);
        }
        return allowed;
    }

    /**
     * Answers a preflight at once: which methods and headers the path takes, for how long the answer
     * holds. An origin that is not allowed gets no allow headers, so the browser refuses the request.
     */
    private static void preflight(RoutingContext rc, boolean editorial, boolean allowed) {
        MultiMap headers = rc.response().headers();
        headers.remove(EXPOSE_HEADERS);
        if (allowed) {
            headers.set("Access-Control-Allow-Methods", editorial ? EDITORIAL_METHODS : PUBLIC_METHODS)
                    .set("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .set("Access-Control-Max-Age", MAX_AGE);
        }
        headers.set(HttpHeaders.CACHE_CONTROL, "public, max-age=" + MAX_AGE);
        rc.response().setStatusCode(204).end();
    }
}
