package dispatch.auth;

import dispatch.common.http.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Map;

/**
 * The partner behind the current public request, from its {@code X-API-Key} header: null for
 * anonymous readers; an unknown or revoked key is a 401, never silently anonymous.
 */
@RequestScoped
public class PartnerContext {

    public static final String HEADER = "X-API-Key";

    private final HttpServerRequest request;
    private final ApiKeyService keys;
    private final dispatch.common.http.RateLimiter limiter;
    private Partner partner;
    private boolean resolved;

    PartnerContext(HttpServerRequest request, ApiKeyService keys, dispatch.common.http.RateLimiter limiter) {
        this.request = request;
        this.keys = keys;
        this.limiter = limiter;
    }

    public Partner partner() {
        if (!resolved) {
            String presented = request.getHeader(HEADER);
            partner = presented == null ? null : keys.authenticate(presented).orElseThrow(() -> new ProblemException(401, "UNAUTHORIZED",
                    "Unauthorized", "The API key is unknown or revoked", null, Map.of("WWW-Authenticate", "ApiKey header=\"X-API-Key\"")));
            resolved = true;
            if (partner != null) {
                limiter.verifiedKey(presented, presented.split("_")[1], partner.tier());
            }
        }
        return partner;
    }
}
