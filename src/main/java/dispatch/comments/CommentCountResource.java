package dispatch.comments;

import dispatch.articles.ArticleReadService;
import dispatch.auth.Partner;
import dispatch.auth.PartnerContext;
import dispatch.common.http.ProblemException;
import dispatch.common.http.QueryValues;
import dispatch.common.http.Representations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Comment counts of many articles in one call (a section front shows many), from stored counters. */
@Path("/api/v1/comments/counts")
@Produces(MediaType.APPLICATION_JSON)
public class CommentCountResource {

    private final ArticleReadService articles;
    private final dispatch.common.http.ResponseCache cache;

    private final PartnerContext partners;

    CommentCountResource(ArticleReadService articles, dispatch.common.http.ResponseCache cache, PartnerContext partners) {
        this.partners = partners;
        this.articles = articles;
        this.cache = cache;
    }

    @GET
    public Response counts(@QueryParam("articles") String slugs, @Context HttpHeaders headers, @Context jakarta.ws.rs.core.UriInfo uri) {
        if (slugs == null) {
            throw ProblemException.badParameter("articles", "required: comma-separated article slugs (at most 100)");
        }
        java.util.List<String> wanted = QueryValues.list(slugs, "articles", 100);
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "comments", Partner.cacheVariant(partner), () -> {
            Map<String, Integer> counts = articles.commentCounts(wanted, partner);
            java.util.Set<String> keys = new java.util.HashSet<>(java.util.Set.of(dispatch.common.http.CacheKeys.LATEST));
            articles.idsBySlug(counts.keySet()).values().forEach(id -> keys.add(dispatch.common.http.CacheKeys.article(id)));
            return cache.rendered(Map.of("counts", counts), null, keys);
        });
    }

}
