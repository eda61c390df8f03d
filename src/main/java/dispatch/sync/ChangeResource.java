package dispatch.sync;

import dispatch.auth.PartnerContext;
import dispatch.common.http.QueryValues;
import dispatch.common.http.Representations;
import dispatch.sync.api.ChangePage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Incremental sync for mirrors: every publish, update, unpublish and delete, in commit order, after a cursor. */
@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

    private final ChangeQueries changes;
    private final Representations representations;

    private final PartnerContext partners;

    ChangeResource(ChangeQueries changes, Representations representations, PartnerContext partners) {
        this.partners = partners;
        this.changes = changes;
        this.representations = representations;
    }

    @GET
    public Response since(@QueryParam("since") String since, @QueryParam("limit") String limit, @Context HttpHeaders headers) {
        ChangePage page = changes.since(since, QueryValues.limit(limit, 100, 1000), partners.partner());
        // revalidated on every poll: an unchanged tail costs a 304
        return representations.ok(headers, page, null).header(HttpHeaders.CACHE_CONTROL, null).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }
}
