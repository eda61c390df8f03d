package dispatch.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that presents an API key is answered only if the key is valid, on every endpoint and not
 * only on those whose views the key narrows: a revoked or unknown key is a 401 everywhere, so that a
 * partner learns at once that it was cut off, and its requests never pass as anonymous.
 */
@ApplicationScoped
public class ApiKeyCheck {

    private final PartnerContext partners;

    ApiKeyCheck(PartnerContext partners) {
        this.partners = partners;
    }

    @ServerRequestFilter
    void check(ContainerRequestContext request) {
        if (request.getHeaderString(PartnerContext.HEADER) != null) {
            partners.partner(); // 401 for a key that is not valid
        }
    }
}
