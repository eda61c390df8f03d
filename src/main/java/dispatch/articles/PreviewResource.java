package dispatch.articles;

import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.articles.api.ArticleResponse;
import dispatch.common.http.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Shows an unpublished article as the public API will, to whoever holds a valid preview link. */
@Path("/api/v1/preview")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    private final PreviewTokens tokens;
    private final ArticleReadService articles;

    PreviewResource(PreviewTokens tokens, ArticleReadService articles) {
        this.tokens = tokens;
        this.articles = articles;
    }

    @GET
    @Path("{token}")
    public Response preview(@PathParam("token") String token) {
        java.util.UUID id = tokens.verify(token)
                .orElseThrow(() -> ProblemException.notFound("This preview link is invalid or has expired"));
        ArticleResponse article = articles.preview(id);
        return Response.ok(article).header("X-Robots-Tag", "noindex, nofollow").build();
    }
}
