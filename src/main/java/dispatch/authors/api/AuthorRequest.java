package dispatch.authors.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An author profile as editors write it; {@code avatarUrl} must be an absolute http(s) URL. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record AuthorRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case letters and digits joined by single hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 5000) String bio,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an absolute http(s) URL") String avatarUrl) {
}
