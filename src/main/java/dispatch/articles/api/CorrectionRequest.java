package dispatch.articles.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A correction, update or clarification note appended to a published article. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CorrectionRequest(
        @NotBlank @Pattern(regexp = "correction|update|clarification", message = "must be correction, update or clarification") String kind,
        @NotBlank @Size(max = 2000) String text) {
}
