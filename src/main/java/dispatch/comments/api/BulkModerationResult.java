package dispatch.comments.api;

import java.util.List;
import java.util.UUID;

/** How many comments a bulk decision changed, and which ids matched no comment. */
public record BulkModerationResult(int updated, List<UUID> notFound) {
}
