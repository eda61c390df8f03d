package dispatch.common.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Editorial, authentication and preview responses are never stored by any cache; neither is any
 * response to a request that carried credentials. Responses to partners (an API key) are private.
 */
public class PrivateResponses {

    private static final String[] EDITORIAL = {"/api/v1/admin", "/api/v1/auth", "/api/v1/preview"};

    /**
     * The editorial, authentication and preview paths: each of those prefixes as a whole segment, so
     * that {@code /api/v1/authors} is not taken for {@code /api/v1/auth}.
     */
    static boolean editorial(String path) {
        for (String prefix : EDITORIAL) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    @ServerResponseFilter
    public void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (editorial(path) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-store");
        } else if (request.getHeaderString("X-API-Key") != null) {
            // a partner's view depends on its key: browsers may keep it, shared caches must not
            Object cacheControl = response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL);
            if (cacheControl != null) {
                response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL,
                        cacheControl.toString().replace("public", "private").replaceAll(", s-maxage=\\d+", ""));
            }
        }
    }
}
