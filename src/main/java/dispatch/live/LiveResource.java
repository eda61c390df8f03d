package dispatch.live;

import dispatch.auth.Partner;
import dispatch.auth.PartnerContext;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.http.QueryValues;
import dispatch.common.http.Representations;
import dispatch.live.api.LiveEntry;
import dispatch.live.api.LiveEntryPage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Readers' side of live coverage: the entries, polled or streamed (Server-Sent Events). */
@Path("/api/v1/articles/{slug}/live-entries")
public class LiveResource {

    private final dispatch.articles.ArticleReadService articles;
    private final LiveQueries queries;
    private final LiveHub hub;
    private final dispatch.common.http.ResponseCache cache;

    private final PartnerContext partners;

    LiveResource(dispatch.articles.ArticleReadService articles, LiveQueries queries, LiveHub hub, dispatch.common.http.ResponseCache cache,
            PartnerContext partners) {
        this.partners = partners;
        this.articles = articles;
        this.queries = queries;
        this.hub = hub;
        this.cache = cache;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@PathParam("slug") String slug, @QueryParam("since") String since, @QueryParam("pinned") String pinned,
            @QueryParam("keyEvents") String keyEvents, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @Context HttpHeaders headers, @Context jakarta.ws.rs.core.UriInfo uri) {
        boolean pinnedOnly = "true".equals(QueryValues.oneOf(pinned, "pinned", Set.of("true", "false"), "false"));
        boolean keyOnly = "true".equals(QueryValues.oneOf(keyEvents, "keyEvents", Set.of("true", "false"), "false"));
        int size = QueryValues.limit(limit, 20, 100);
        Partner partner = readable();
        return cache.serve(uri, headers, "live", Partner.cacheVariant(partner), () -> {
            UUID articleId = liveArticle(slug, partner);
            Instant after = since == null ? null : since(articleId, since);
            long lastEventId = queries.lastSeq(articleId);
            Page<LiveEntry> page = queries.page(articleId, after, pinnedOnly, keyOnly, cursor, size);
            return cache.rendered(new LiveEntryPage(page.items(), page.next(), queries.closed(articleId), Long.toString(lastEventId)), null,
                    // the article's own key too: what purges the article (unpublished, deleted) purges its entries
                    Set.of(dispatch.common.http.CacheKeys.live(articleId), dispatch.common.http.CacheKeys.article(articleId)));
        });
    }

    /**
     * The event stream: {@code entry} (new or edited), {@code delete} and {@code closed} events, each with
     * an {@code id:}. A client reconnecting with {@code Last-Event-ID} gets what it missed first.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("slug") String slug, @HeaderParam("Last-Event-ID") String lastEventHeader,
            @QueryParam("lastEventId") String lastEventParam, @Context SseEventSink sink, @Context Sse sse) {
        UUID articleId = liveArticle(slug, readable());
        String given = lastEventHeader != null ? lastEventHeader : lastEventParam;
        long from;
        if (given == null) {
            from = queries.lastSeq(articleId);
        } else {
            try {
                from = Long.parseLong(given.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("lastEventId", "must be an event id this stream sent");
            }
        }
        hub.subscribe(articleId, from, sink, sse);
    }

    /**
     * The partner behind the request, if it may read live entries: they are the article's text, which
     * a teaser key does not get (a 403, as for an article's body).
     */
    private Partner readable() {
        Partner partner = partners.partner();
        if (partner != null && !partner.fullText()) {
            throw new ProblemException(403, "FORBIDDEN", "Forbidden", "This API key gives teasers only: live entries are full text", null, null);
        }
        return partner;
    }

    private UUID liveArticle(String slug, Partner partner) {
        return articles.visibleLiveIdBySlug(slug, partner).orElseThrow(() -> ProblemException.notFound("No published live article with slug '" + slug + "'"));
    }

    private Instant since(UUID articleId, String since) {
        try {
            return queries.createdAtOf(articleId, UUID.fromString(since));
        } catch (IllegalArgumentException notAnId) {
            Instant at = dispatch.common.text.Timestamps.parse(since);
            if (at == null) {
                throw ProblemException.badParameter("since", "an entry id or an RFC 3339 date-time with offset");
            }
            return at;
        }
    }
}
