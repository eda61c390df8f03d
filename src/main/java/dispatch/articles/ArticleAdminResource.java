package dispatch.articles;

import com.fasterxml.jackson.databind.JsonNode;
import dispatch.articles.api.ArticleRequest;
import dispatch.articles.api.CorrectionRequest;
import dispatch.articles.api.EditorialArticle;
import dispatch.articles.api.EditorialSummary;
import dispatch.articles.api.PreviewLink;
import dispatch.articles.api.PublishRequest;
import dispatch.articles.api.Revision;
import dispatch.articles.api.RevisionSummary;
import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import dispatch.common.http.Page;
import dispatch.common.http.Preconditions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The newsroom's article endpoints. Every response carries the article's version as its ETag. */
@Path("/api/v1/admin/articles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.WRITER})
public class ArticleAdminResource {

    private final ArticleEditorService editor;
    private final ArticleAdminQueries queries;
    private final CurrentUser user;

    ArticleAdminResource(ArticleEditorService editor, ArticleAdminQueries queries, CurrentUser user) {
        this.editor = editor;
        this.queries = queries;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ArticleRequest request) {
        EditorialArticle article = editor.create(request, user);
        return versioned(Response.created(URI.create("/api/v1/admin/articles/" + article.id())), article);
    }

    @GET
    public Page<EditorialSummary> list(@BeanParam ArticleAdminParams params) {
        return queries.list(params, user);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        return versioned(Response.ok(), editor.get(id, user));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("id") UUID id, @Valid @NotNull ArticleRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return versioned(Response.ok(), editor.replace(id, request, ifMatch, user));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") UUID id, JsonNode patch, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return versioned(Response.ok(), editor.patch(id, patch, ifMatch, user));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") UUID id) {
        editor.delete(id, user);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public Response publish(@PathParam("id") UUID id, @Valid PublishRequest request) {
        return versioned(Response.ok(), editor.publish(id, request, user));
    }

    @POST
    @Path("{id}/unpublish")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public Response unpublish(@PathParam("id") UUID id) {
        return versioned(Response.ok(), editor.unpublish(id, user));
    }

    @POST
    @Path("{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public Response correct(@PathParam("id") UUID id, @Valid @NotNull CorrectionRequest request) {
        return versioned(Response.status(Response.Status.CREATED), editor.correct(id, request, user));
    }

    @GET
    @Path("{id}/revisions")
    public Map<String, List<RevisionSummary>> revisions(@PathParam("id") UUID id) {
        return Map.of("items", editor.revisions(id, user));
    }

    @GET
    @Path("{id}/revisions/{number}")
    public Revision revision(@PathParam("id") UUID id, @PathParam("number") int number) {
        return editor.revision(id, number, user);
    }

    @POST
    @Path("{id}/revisions/{number}/restore")
    public Response restore(@PathParam("id") UUID id, @PathParam("number") int number, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return versioned(Response.ok(), editor.restore(id, number, ifMatch, user));
    }

    @POST
    @Path("{id}/preview-link")
    public PreviewLink previewLink(@PathParam("id") UUID id) {
        return editor.previewLink(id, user);
    }

    private static Response versioned(Response.ResponseBuilder builder, EditorialArticle article) {
        return builder.entity(article).header(HttpHeaders.ETAG, Preconditions.etagOf(article.version())).build();
    }
}
