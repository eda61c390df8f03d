package dispatch.comments;

import dispatch.auth.CurrentUser;
import dispatch.auth.Partner;
import dispatch.auth.PartnerContext;
import dispatch.auth.Roles;
import dispatch.comments.api.CommentAccepted;
import dispatch.comments.api.CommentPage;
import dispatch.comments.api.CommentRequest;
import dispatch.comments.api.CommentResponse;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.http.QueryValues;
import dispatch.common.http.Representations;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;

/** Readers' side of an article's comments: read the approved ones, submit new ones. */
@Path("/api/v1/articles/{slug}/comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    private final CommentService comments;
    private final CommentQueries queries;
    private final dispatch.articles.ArticleReadService articles;
    private final dispatch.common.http.ResponseCache cache;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser currentUser;

    @Inject
    PartnerContext partners;

    CommentResource(CommentService comments, CommentQueries queries, dispatch.articles.ArticleReadService articles,
            dispatch.common.http.ResponseCache cache) {
        this.comments = comments;
        this.queries = queries;
        this.articles = articles;
        this.cache = cache;
    }

    @GET
    public Response list(@PathParam("slug") String slug, @QueryParam("sort") String sort, @QueryParam("parent") String parent,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, @Context HttpHeaders headers,
            @Context jakarta.ws.rs.core.UriInfo uri) {
        boolean newestFirst = "newest".equals(QueryValues.oneOf(sort, "sort", Set.of("oldest", "newest"), "oldest"));
        int size = QueryValues.limit(limit, 20, 100);
        UUID parentId = parent == null ? null : uuid(parent, "parent");
        Partner partner = partners.partner();
        return cache.serve(uri, headers, "comments", Partner.cacheVariant(partner), () -> {
            UUID articleId = comments.visibleArticle(slug, partner);
            Page<CommentResponse> page = queries.approved(articleId, parentId, newestFirst, cursor, size);
            int count = articles.commentCounts(java.util.List.of(slug), partner).getOrDefault(slug, 0);
            return cache.rendered(new CommentPage(page.items(), page.next(), comments.isOpen(articleId), count), null,
                    Set.of(dispatch.common.http.CacheKeys.comments(articleId), dispatch.common.http.CacheKeys.article(articleId)));
        });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("slug") String slug, @Valid @NotNull CommentRequest request, @Context HttpServerRequest http,
            @Context HttpHeaders headers) {
        CurrentUser.Actor staff = headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null && !identity.isAnonymous()
                && Roles.ALL.stream().anyMatch(identity::hasRole) ? currentUser.actor() : null;
        CommentAccepted accepted = comments.submit(slug, request, http.remoteAddress().hostAddress(), staff, partners.partner());
        return Response.accepted(accepted).header("Cache-Control", "no-store").build();
    }

    static UUID uuid(String value, String parameter) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(parameter, "must be a comment id (UUID)");
        }
    }
}
