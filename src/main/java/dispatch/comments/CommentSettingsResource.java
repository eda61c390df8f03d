package dispatch.comments;

import dispatch.auth.CurrentUser;
import dispatch.auth.Roles;
import dispatch.comments.api.CommentSettingsRequest;
import dispatch.comments.api.CommentSettingsResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** Per-article comment rules: close now or at a date, pre- or post-moderation. */
@Path("/api/v1/admin/articles/{id}/comment-settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.MODERATOR})
public class CommentSettingsResource {

    private final CommentService comments;
    private final CurrentUser user;

    CommentSettingsResource(CommentService comments, CurrentUser user) {
        this.comments = comments;
        this.user = user;
    }

    @GET
    public CommentSettingsResponse settings(@PathParam("id") UUID id) {
        return comments.settings(id, user);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public CommentSettingsResponse updateSettings(@PathParam("id") UUID id, @Valid @NotNull CommentSettingsRequest request) {
        return comments.updateSettings(id, request, user);
    }
}
