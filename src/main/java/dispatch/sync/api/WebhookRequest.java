package dispatch.sync.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A webhook subscription: where to send, which events, and the secret that signs every delivery. */
public record WebhookRequest(
        @NotBlank @Size(max = 2000) String url,
        @NotEmpty @Size(max = 20) List<@NotBlank String> events,
        @NotBlank @Size(min = 16, max = 200, message = "must be 16 to 200 characters") String secret) {
}
