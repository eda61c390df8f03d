package dispatch.comments.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A reader's comment. {@code website} is a honeypot: people never see the field, bots fill it in,
 * and such comments go straight to spam.
 */
public record CommentRequest(
        @NotBlank @Size(max = 80) String authorName,
        @Email @Size(max = 254) String authorEmail,
        @NotBlank @Size(max = 5000) String body,
        UUID parentId,
        @Size(max = 500) String website) {
}
