package dispatch.tags.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A tag as editors write it. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TagRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case letters and digits joined by single hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description) {
}
