package dispatch.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves stored responses to anonymous GETs straight from the HTTP layer, on the event loop,
 * before any resource runs: a hot article costs a map lookup and a write. Only exact repeats of a
 * request that was rendered (and so validated) before can hit; everything else goes on as usual.
 */
@ApplicationScoped
public class CacheFastPath {

    // header names encoded once: this runs for every cache hit
    private static final CharSequence API_KEY = HttpHeaders.createOptimized("X-API-Key");
    private static final CharSequence SURROGATE_KEY = HttpHeaders.createOptimized("Surrogate-Key");
    private static final CharSequence CACHE_TAG = HttpHeaders.createOptimized("Cache-Tag");
    private static final CharSequence VARY_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

    private final ResponseCache cache;

    CacheFastPath(ResponseCache cache) {
        this.cache = cache;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 900); // after request ids (1000)
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path();
        if (request.method() != HttpMethod.GET || path.startsWith("/q/") || path.startsWith("/api/v1/admin")
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(API_KEY) != null) {
            rc.next();
            return;
        }
        String key;
        try {
            key = ResponseCache.key("", request);
        } catch (IllegalArgumentException e) { // a query that does not decode: the resources answer it with their problem
            rc.next();
            return;
        }
        ResponseCache.Entry entry = cache.anonymous(key, request.getHeader(HttpHeaders.ACCEPT));
        if (entry == null) {
            rc.next();
            return;
        }
        if (entry.route() != null) {
            routeForMetrics(entry.route());
        }
        boolean codesItself = Representations.codesItself(rc);
        boolean gzip = Representations.sendsGzip(rc, entry, request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? entry.gzipEtag() : entry.etag();
        HttpServerResponse response = rc.response();
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.ETAG, etag).set(HttpHeaders.CACHE_CONTROL, entry.cacheControl())
                .set(HttpHeaders.VARY, VARY_ENCODING);
        if (!entry.keys().isEmpty()) {
            headers.set(SURROGATE_KEY, entry.surrogateKey()).set(CACHE_TAG, entry.cacheTag());
        }
        if (entry.lastModifiedHttp() != null) {
            headers.set(HttpHeaders.LAST_MODIFIED, entry.lastModifiedHttp());
        }
        if (!entry.headers().isEmpty()) {
            entry.headers().forEach(headers::set);
        }
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        boolean fresh = ifNoneMatch != null ? Representations.matches(ifNoneMatch, etag)
                : Representations.notModifiedSince(request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), entry.lastModified());
        if (fresh) {
            response.setStatusCode(304).end();
        } else if (gzip) {
            // sent as stored: a response that names its coding is passed by the HTTP compressor as it is
            headers.set(HttpHeaders.CONTENT_TYPE, entry.mediaType()).set(HttpHeaders.CONTENT_ENCODING, GZIP);
            response.setStatusCode(200).end(Buffer.buffer(entry.gzip()));
        } else {
            headers.set(HttpHeaders.CONTENT_TYPE, entry.mediaType());
            if (codesItself) { // identity tells the HTTP/1 compressor to leave this body alone (and is not sent)
                headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
            }
            response.setStatusCode(200).end(Buffer.buffer(cache.identity(key, entry)));
        }
    }

    @SuppressWarnings("deprecation") // Context locals: where Quarkus REST and Micrometer exchange the template
    private static void routeForMetrics(String route) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(ResponseCache.ROUTE_TEMPLATE, route);
        }
    }
}
