package dispatch.collections;

import dispatch.auth.Partner;
import dispatch.auth.PartnerContext;
import dispatch.collections.api.CollectionResponse;
import dispatch.common.http.Keyed;
import dispatch.common.http.ResponseCache;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

    private final CollectionService collections;
    private final ResponseCache cache;
    private final PartnerContext partners;

    CollectionResource(CollectionService collections, ResponseCache cache, PartnerContext partners) {
        this.collections = collections;
        this.cache = cache;
        this.partners = partners;
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context UriInfo uri) {
        var partner = partners.partner();
        return cache.serve(uri, headers, "list", Partner.cacheVariant(partner), () -> {
            Keyed<CollectionResponse> collection = collections.published(slug, partner);
            return cache.rendered(collection.value(), collection.value().updatedAt(), collection.keys());
        });
    }
}
