package dispatch.auth.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A new newsroom account. {@code author} links it to an author profile by slug. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record UserCreateRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,62}", message = "2-63 characters: lower-case letters, digits, . _ -") String username,
        @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
        @NotBlank @Size(max = 200) String displayName,
        @NotEmpty @Size(max = 4) List<@NotBlank String> roles,
        @Size(max = 200) String author) {
}
