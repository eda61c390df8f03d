package dispatch.cards;

import dispatch.articles.ArticleReadService;
import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.Representations;
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
    private final Representations representations;
    private final NewsConfig config;

    CardResource(CardService cards, Representations representations, NewsConfig config) {
        this.cards = cards;
        this.representations = representations;
        this.config = config;
    }

    @GET
    public Response card(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        ArticleReadService.Lookup lookup = cards.lookup(slug);
        if (lookup.movedTo() != null) {
            return Response.status(Response.Status.MOVED_PERMANENTLY)
                    .location(URI.create(Links.trimSlash(config.apiUrl()) + "/api/v1/articles/" + lookup.movedTo() + "/card")).build();
        }
        return representations.ok(headers, cards.card(lookup.article()), lookup.article().updatedAt()).build();
    }
}
