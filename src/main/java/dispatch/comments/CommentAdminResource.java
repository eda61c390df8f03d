package dispatch.comments;

import dispatch.articles.ArticleReadService;
import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import dispatch.comments.api.BulkModerationRequest;
import dispatch.comments.api.BulkModerationResult;
import dispatch.comments.api.ModeratedComment;
import dispatch.common.http.Page;
import dispatch.common.http.ProblemException;
import dispatch.common.http.QueryValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Moderation: the queue, and decisions one by one or in bulk. Every decision is recorded (who, when) and audited. */
@Path("/api/v1/admin/comments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.MODERATOR})
public class CommentAdminResource {

    private final CommentService comments;
    private final CommentQueries queries;
    private final ArticleReadService articles;
    private final CurrentUser user;

    CommentAdminResource(CommentService comments, CommentQueries queries, ArticleReadService articles, CurrentUser user) {
        this.comments = comments;
        this.queries = queries;
        this.articles = articles;
        this.user = user;
    }

    @GET
    public Page<ModeratedComment> list(@QueryParam("status") String status, @QueryParam("article") String article,
            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        String chosen = QueryValues.oneOf(status, "status", CommentService.STATUSES, null);
        boolean newestFirst = "newest".equals(QueryValues.oneOf(sort, "sort", Set.of("oldest", "newest"), "oldest"));
        UUID articleId = null;
        if (article != null) {
            articleId = articles.idsBySlug(List.of(article)).get(article);
            if (articleId == null) {
                throw ProblemException.badParameter("article", "no article with slug '" + article + "'");
            }
        }
        return queries.forModeration(chosen, articleId, newestFirst, cursor, QueryValues.limit(limit, 50, 200));
    }

    @POST
    @Path("{id}/approve")
    public ModeratedComment approve(@PathParam("id") UUID id) {
        return comments.moderate(id, "approved", user.actor());
    }

    @POST
    @Path("{id}/reject")
    public ModeratedComment reject(@PathParam("id") UUID id) {
        return comments.moderate(id, "rejected", user.actor());
    }

    @POST
    @Path("{id}/spam")
    public ModeratedComment spam(@PathParam("id") UUID id) {
        return comments.moderate(id, "spam", user.actor());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        comments.delete(id, user.actor());
        return Response.noContent().build();
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkModerationResult bulk(@Valid @NotNull BulkModerationRequest request) {
        return comments.bulk(request, user.actor());
    }
}
