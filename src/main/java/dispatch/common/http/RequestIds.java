package dispatch.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, a new UUID otherwise.
 * The id is echoed in the response header and carried by problem bodies, so a report can be traced.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final CharSequence HEADER_NAME = HttpHeaders.createOptimized(HEADER);
    private static final String KEY = "dispatch.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = idFor(rc.request());
            rc.put(KEY, id);
            org.jboss.logging.MDC.put("requestId", id);
            rc.response().putHeader(HEADER_NAME, id);
            rc.next();
        }, 1000);
    }

    /** The id of a request: its own {@code X-Request-Id} when that is sane, a new one otherwise. */
    static String idFor(HttpServerRequest request) {
        String given = request.getHeader(HEADER_NAME);
        return given != null && SANE.matcher(given).matches() ? given : newId();
    }

    /**
     * A random (version 4) UUID from a thread-local generator: ids must be unique, not unguessable,
     * and {@link UUID#randomUUID()} draws on one SecureRandom that all event-loop threads contend for.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public static String of(RoutingContext rc) {
        Object id = rc == null ? null : rc.get(KEY);
        return id == null ? null : id.toString();
    }
}
