package dispatch.sections.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A section as editors write it; {@code parent} is a slug (absent or null: a root section). */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SectionRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case letters and digits joined by single hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(max = 100) String parent,
        @Min(0) Integer position) {
}
