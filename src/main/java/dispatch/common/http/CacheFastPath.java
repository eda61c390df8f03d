package dispatch.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves stored responses to anonymous GETs straight from the HTTP layer, on the event loop,
 * before any resource runs: a hot article costs a map lookup and a write. Only exact repeats of a
 * request that was rendered (and so validated) before can hit; everything else goes on as usual.
 */
@ApplicationScoped
public class CacheFastPath {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ResponseCache cache;

    CacheFastPath(ResponseCache cache) {
        this.cache = cache;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, 900); // after request ids (1000)
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.method() != HttpMethod.GET || request.getHeader("Authorization") != null || request.getHeader("X-API-Key") != null
                || request.path().startsWith("/q/") || request.path().startsWith("/api/v1/admin")) {
            rc.next();
            return;
        }
        ResponseCache.Entry entry = cache.anonymous(request.path(), canonicalQuery(request.params()));
        if (entry == null) {
            rc.next();
            return;
        }
        HttpServerResponse response = rc.response();
        MultiMap headers = response.headers();
        headers.set("ETag", entry.etag()).set("Cache-Control", entry.cacheControl()).set("Vary", "Accept-Encoding");
        if (!entry.keys().isEmpty()) {
            List<String> keys = entry.keys().stream().sorted().toList();
            headers.set("Surrogate-Key", String.join(" ", keys)).set("Cache-Tag", String.join(",", keys));
        }
        if (entry.lastModified() != null) {
            headers.set("Last-Modified", HTTP_DATE.format(entry.lastModified()));
        }
        entry.headers().forEach(headers::set);
        String ifNoneMatch = request.getHeader("If-None-Match");
        boolean fresh = ifNoneMatch != null ? Representations.matches(ifNoneMatch, entry.etag())
                : Representations.notModifiedSince(request.getHeader("If-Modified-Since"), entry.lastModified());
        if (fresh) {
            response.setStatusCode(304).end();
        } else {
            headers.set("Content-Type", entry.mediaType());
            response.setStatusCode(200).end(Buffer.buffer(entry.body()));
        }
    }

    /** The same canonical form as {@link ResponseCache} builds from JAX-RS query parameters. */
    private static String canonicalQuery(MultiMap params) {
        Map<String, List<String>> sorted = new TreeMap<>();
        params.names().forEach(name -> sorted.put(name, params.getAll(name)));
        StringBuilder query = new StringBuilder();
        sorted.forEach((name, values) -> values.forEach(v -> query.append(name).append('=').append(v).append('&')));
        return query.toString();
    }
}
