package dispatch.articles.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A saved state of an article with its content ({@code snapshot}: the editorial representation then). */
public record Revision(int number, String action, Instant createdAt, String createdBy, JsonNode snapshot) {
}
