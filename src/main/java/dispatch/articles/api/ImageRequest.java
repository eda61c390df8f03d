package dispatch.articles.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A hero image as editors send it. {@code url} must be an absolute http(s) URL. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ImageRequest(@NotBlank @Size(max = 2000) String url, @Size(max = 1000) String caption, @Size(max = 300) String credit,
        @Size(max = 1000) String alt, @Positive Integer width, @Positive Integer height) {
}
