package dispatch.articles.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/** When to publish: now (no {@code publishAt}, or one in the past) or at {@code publishAt}; optionally until {@code expireAt}. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PublishRequest(Instant publishAt, Instant expireAt) {
}
