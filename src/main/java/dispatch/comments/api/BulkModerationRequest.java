package dispatch.comments.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** One decision applied to many comments. */
public record BulkModerationRequest(
        @NotEmpty @Size(max = 100) List<@NotNull UUID> ids,
        @NotNull @Pattern(regexp = "approve|reject|spam|delete", message = "must be approve, reject, spam or delete") String action) {
}
