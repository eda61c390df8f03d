package dispatch.collections;

import dispatch.auth.PartnerContext;
import dispatch.collections.api.CollectionResponse;
import dispatch.common.http.Representations;
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
    private final Representations representations;
    private final PartnerContext partners;

    CollectionResource(CollectionService collections, Representations representations, PartnerContext partners) {
        this.collections = collections;
        this.representations = representations;
        this.partners = partners;
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        CollectionResponse collection = collections.published(slug, partners.partner());
        return representations.ok(headers, collection, collection.updatedAt()).build();
    }
}
