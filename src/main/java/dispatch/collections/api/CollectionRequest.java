package dispatch.collections.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A collection as editors write it: article slugs in the order readers will see them. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CollectionRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case letters and digits joined by single hyphens") String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @NotNull @Size(max = 100) List<@NotBlank String> articles) {
}
