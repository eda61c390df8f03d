package dispatch.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
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
            String length = rc.request().getHeader("Content-Length");
            long announced;
            try {
                announced = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                announced = -1;
            }
            if (announced > limit) {
                String body = "{\"type\":\"" + ProblemMappers.typeOf("PAYLOAD_TOO_LARGE") + "\",\"title\":\"Payload Too Large\",\"status\":413,"
                        + "\"detail\":\"The body may be at most " + limit + " bytes\",\"instance\":\""
                        + rc.request().path().replace("\"", "").replace("\\", "") + "\",\"code\":\"PAYLOAD_TOO_LARGE\",\"requestId\":\"" + RequestIds.of(rc) + "\"}";
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close").end(body);
                return;
            }
            rc.next();
        }, 980);
    }
}
