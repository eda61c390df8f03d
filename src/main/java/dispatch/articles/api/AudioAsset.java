package dispatch.articles.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The audio of an {@code audio} article: what players and podcast feeds need. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AudioAsset(
        @NotBlank @Size(max = 2000) String url,
        @NotBlank @Pattern(regexp = "audio/[a-z0-9.+-]+", message = "must be an audio MIME type such as audio/mpeg") String mimeType,
        @PositiveOrZero Long durationSeconds,
        @PositiveOrZero Long sizeBytes,
        @Size(max = 100_000) String transcript) {
}
