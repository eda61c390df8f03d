package dispatch.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, a new UUID otherwise.
 * The id is echoed in the response header and carried by problem bodies, so a report can be traced.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "dispatch.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String given = rc.request().getHeader(HEADER);
            String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            rc.put(KEY, id);
            org.jboss.logging.MDC.put("requestId", id);
            rc.response().putHeader(HEADER, id);
            rc.next();
        }, 1000);
    }

    public static String of(RoutingContext rc) {
        Object id = rc == null ? null : rc.get(KEY);
        return id == null ? null : id.toString();
    }
}
