package dispatch.collections.api;

import dispatch.articles.api.ArticleSummary;
import java.time.Instant;
import java.util.List;

/** A collection as readers get it: its published articles, in the editor's order. */
public record CollectionResponse(String slug, String name, String description, Instant updatedAt, List<ArticleSummary> items) {
}
