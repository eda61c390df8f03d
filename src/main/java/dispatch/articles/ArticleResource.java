package dispatch.articles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dispatch.articles.api.ArticleSummary;
import dispatch.auth.Partner;
import dispatch.auth.PartnerContext;
import dispatch.common.NewsConfig;
import dispatch.common.http.FieldSelection;
import dispatch.common.http.Keyed;
import dispatch.common.http.Links;
import dispatch.common.http.Page;
import dispatch.common.http.ResponseCache;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/** The public article endpoints: anonymous, cacheable, and blind to anything not published. */
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final ArticleReadService articles;
    private final ResponseCache cache;
    private final ObjectMapper json;
    private final NewsConfig config;
    private final PartnerContext partners;

    ArticleResource(ArticleReadService articles, ResponseCache cache, ObjectMapper json, NewsConfig config, PartnerContext partners) {
        this.articles = articles;
        this.cache = cache;
        this.json = json;
        this.config = config;
        this.partners = partners;
    }

    @GET
    public Response list(@BeanParam ArticleListParams params, @Context HttpHeaders headers, @Context UriInfo uri) {
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "list", Partner.cacheVariant(partner), () -> {
            Keyed<Page<?>> page = articles.list(params, partner);
            ResponseCache.Rendered rendered = cache.rendered(page.value(), null, page.keys());
            return page.value().next() == null ? rendered
                    : rendered.withHeader("Link", Links.nextHeader(Links.withCursor(config.apiUrl(), uri, page.value().next())));
        });
    }

    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug, @QueryParam("fields") String fields, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        FieldSelection selection = FieldSelection.parse(fields, ArticleReadService.DETAIL_FIELDS);
        Partner partner = partners.partner();
        boolean teaser = partner != null && !partner.fullText();
        if (teaser && fields != null && (selection.includes("body") || selection.includes("bodyHtml"))) {
            throw ArticleReadService.teaserOnly();
        }
        return cache.serve(uri, headers, "article", Partner.cacheVariant(partner), () -> {
            ArticleReadService.Lookup lookup = articles.get(slug, partner);
            if (lookup.movedTo() != null) {
                String query = Links.query(uri, null);
                return ResponseCache.Rendered.direct(Response.status(Response.Status.MOVED_PERMANENTLY)
                        .location(URI.create(Links.trimSlash(config.apiUrl()) + "/api/v1/articles/" + lookup.movedTo()
                                + (query.isEmpty() ? "" : "?" + query)))
                        .header("Cache-Control", "public, max-age=300").build());
            }
            if (selection.all() && !teaser) { // written straight from the record, without a tree in between
                return cache.rendered(lookup.article(), lookup.article().updatedAt(), lookup.keys());
            }
            ObjectNode article = json.valueToTree(lookup.article());
            if (teaser) {
                article.remove(List.of("body", "bodyHtml"));
            }
            return cache.rendered(selection.apply(article), lookup.article().updatedAt(), lookup.keys());
        });
    }

    @GET
    @Path("{slug}/related")
    public Response related(@PathParam("slug") String slug, @QueryParam("limit") String limit, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "list", Partner.cacheVariant(partner), () -> {
            Keyed<Page<ArticleSummary>> page = articles.related(slug, limit, partner);
            return cache.rendered(page.value(), null, page.keys());
        });
    }
}
