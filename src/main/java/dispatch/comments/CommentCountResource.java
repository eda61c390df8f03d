package dispatch.comments;

import dispatch.articles.ArticleReadService;
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
    private final Representations representations;

    CommentCountResource(ArticleReadService articles, Representations representations) {
        this.articles = articles;
        this.representations = representations;
    }

    @GET
    public Response counts(@QueryParam("articles") String slugs, @Context HttpHeaders headers) {
        if (slugs == null) {
            throw ProblemException.badParameter("articles", "required: comma-separated article slugs (at most 100)");
        }
        Map<String, Integer> counts = articles.commentCounts(QueryValues.list(slugs, "articles", 100));
        return representations.ok(headers, Map.of("counts", counts), null).build();
    }

}
