package dispatch.live.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A live entry as editors write it: body blocks like an article's, an optional title and author (slug). */
public record LiveEntryRequest(
        @Size(max = 300) String title,
        @NotEmpty @Size(max = 100) List<JsonNode> body,
        @Size(max = 200) String author,
        Boolean pinned,
        Boolean keyEvent) {
}
