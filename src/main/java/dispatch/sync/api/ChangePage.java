package dispatch.sync.api;

import java.util.List;

/** A page of changes in commit order; {@code next} is always set: poll again with it. */
public record ChangePage(List<Change> items, String next) {
}
