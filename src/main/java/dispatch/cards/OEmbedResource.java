package dispatch.cards;

import dispatch.auth.Partner;
import dispatch.auth.PartnerContext;
import dispatch.common.http.ProblemException;
import dispatch.common.http.QueryValues;
import dispatch.common.http.ResponseCache;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/** oEmbed 1.0 provider endpoint for canonical article URLs (JSON only: XML is a 501, as the spec says). */
@Path("/oembed")
public class OEmbedResource {

    private final CardService cards;
    private final ResponseCache cache;

    private final PartnerContext partners;

    OEmbedResource(CardService cards, ResponseCache cache, PartnerContext partners) {
        this.partners = partners;
        this.cards = cards;
        this.cache = cache;
    }

    @GET
    public Response oembed(@QueryParam("url") String url, @QueryParam("format") String format, @QueryParam("maxwidth") String maxWidth,
            @QueryParam("maxheight") String maxHeight, @Context HttpHeaders headers, @Context jakarta.ws.rs.core.UriInfo uri) {
        if (url == null) {
            throw ProblemException.badParameter("url", "required: the canonical URL of an article");
        }
        if ("xml".equals(QueryValues.oneOf(format, "format", Set.of("json", "xml"), "json"))) {
            throw new ProblemException(501, "NOT_IMPLEMENTED", "Not Implemented", "Only the json format is provided", null, null);
        }
        Integer width = maxWidth == null ? null : QueryValues.integer(maxWidth, "maxwidth", 50, 10_000);
        Integer height = maxHeight == null ? null : QueryValues.integer(maxHeight, "maxheight", 50, 10_000);
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "article", Partner.cacheVariant(partner), () -> {
            var embed = cards.oembed(url, width, height, partner);
            return cache.rendered(embed.value(), null, embed.keys());
        });
    }
}
