package dispatch.feeds;

import dispatch.auth.Partner;
import dispatch.auth.PartnerContext;
import dispatch.common.http.ResponseCache;
import java.util.HashSet;
import java.util.Set;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest articles, a section, a tag, an author; and the podcast. */
@Path("/feeds")
public class FeedResource {

    private final FeedService feeds;
    private final FeedWriters writers;
    private final ResponseCache cache;
    private final PartnerContext partners;

    FeedResource(FeedService feeds, FeedWriters writers, ResponseCache cache, PartnerContext partners) {
        this.feeds = feeds;
        this.writers = writers;
        this.cache = cache;
        this.partners = partners;
    }

    @GET
    @Path("latest.{format: rss|atom|json}")
    public Response latest(@PathParam("format") String format, @QueryParam("limit") String limit, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return render(FeedService.Scope.LATEST, null, format, limit, headers, uri);
    }

    @GET
    @Path("sections/{slug}.{format: rss|atom|json}")
    public Response section(@PathParam("slug") String slug, @PathParam("format") String format, @QueryParam("limit") String limit,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return render(FeedService.Scope.SECTION, slug, format, limit, headers, uri);
    }

    @GET
    @Path("tags/{slug}.{format: rss|atom|json}")
    public Response tag(@PathParam("slug") String slug, @PathParam("format") String format, @QueryParam("limit") String limit,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return render(FeedService.Scope.TAG, slug, format, limit, headers, uri);
    }

    @GET
    @Path("authors/{slug}.{format: rss|atom|json}")
    public Response author(@PathParam("slug") String slug, @PathParam("format") String format, @QueryParam("limit") String limit,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return render(FeedService.Scope.AUTHOR, slug, format, limit, headers, uri);
    }

    @GET
    @Path("podcast.rss")
    public Response podcast(@QueryParam("limit") String limit, @Context HttpHeaders headers, @Context UriInfo uri) {
        return render(FeedService.Scope.PODCAST, null, "podcast", limit, headers, uri);
    }

    private Response render(FeedService.Scope scope, String slug, String format, String limit, HttpHeaders headers, UriInfo uri) {
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "feed", Partner.cacheVariant(partner), () -> {
            Set<String> keys = new HashSet<>();
            FeedDocument doc = feeds.feed(scope, slug, limit, uri.getPath(), partner, keys);
            return switch (format) {
                case "atom" -> ResponseCache.Rendered.bytes(writers.atom(doc), FeedWriters.ATOM_TYPE, doc.updated(), keys);
                case "json" -> ResponseCache.Rendered.bytes(writers.json(doc), FeedWriters.JSON_TYPE, doc.updated(), keys);
                case "podcast" -> ResponseCache.Rendered.bytes(writers.rss(doc, true), FeedWriters.RSS_TYPE, doc.updated(), keys);
                default -> ResponseCache.Rendered.bytes(writers.rss(doc, false), FeedWriters.RSS_TYPE, doc.updated(), keys);
            };
        });
    }
}
