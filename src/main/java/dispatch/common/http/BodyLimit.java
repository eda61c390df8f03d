package dispatch.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem
 * before reading any of it (the server's own limit still stops chunked bodies that grow past it).
 */
@ApplicationScoped
class BodyLimit {

    private final long limit;

    BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long announced;
            try {
                announced = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                announced = -1;
            }
            if (announced > limit) {
                ProblemMappers.end(rc, 413, "PAYLOAD_TOO_LARGE", "Payload Too Large", "The body may be at most " + limit + " bytes",
                        java.util.Map.of("Connection", "close"));
                return;
            }
            rc.next();
        }, 980);
    }
}
