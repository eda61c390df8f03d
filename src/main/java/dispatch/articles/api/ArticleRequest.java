package dispatch.articles.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An article as editors write it: the public representation's field names, references by slug,
 * the hero image inline. What the client must not set (id, status, version, timestamps, author of
 * record) has no member here: sending it is a 400 naming the field.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ArticleRequest(
        @Size(max = 200) String slug,
        @NotBlank String type,
        @NotBlank @Size(max = 300) String headline,
        @Size(max = 300) String socialHeadline,
        @Size(max = 2000) String standfirst,
        @NotNull @Size(max = 500) List<JsonNode> body,
        @Size(max = 35) String language,
        @NotBlank @Size(max = 200) String section,
        @Size(max = 30) List<@NotBlank String> tags,
        @Size(max = 10) List<@NotBlank String> authors,
        @Size(max = 20) List<@NotBlank String> related,
        @Valid ImageRequest heroImage,
        @Valid AudioAsset audio) {
}
