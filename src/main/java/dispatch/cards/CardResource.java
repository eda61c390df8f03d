package dispatch.cards;

import dispatch.articles.ArticleReadService;
import dispatch.auth.Partner;
import dispatch.auth.PartnerContext;
import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.ResponseCache;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The social card of a published article. */
@Path("/api/v1/articles/{slug}/card")
@Produces(MediaType.APPLICATION_JSON)
public class CardResource {

    private final CardService cards;
    private final ResponseCache cache;
    private final NewsConfig config;

    private final PartnerContext partners;

    CardResource(CardService cards, ResponseCache cache, NewsConfig config, PartnerContext partners) {
        this.partners = partners;
        this.cards = cards;
        this.cache = cache;
        this.config = config;
    }

    @GET
    public Response card(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context jakarta.ws.rs.core.UriInfo uri) {
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "article", Partner.cacheVariant(partner), () -> {
            ArticleReadService.Lookup lookup = cards.lookup(slug, partner);
            if (lookup.movedTo() != null) {
                return ResponseCache.Rendered.direct(Response.status(Response.Status.MOVED_PERMANENTLY)
                        .location(URI.create(Links.trimSlash(config.apiUrl()) + "/api/v1/articles/" + lookup.movedTo() + "/card")).build());
            }
            return cache.rendered(cards.card(lookup.article()), lookup.article().updatedAt(), lookup.keys());
        });
    }
}
