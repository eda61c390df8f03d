package dispatch.common.http;

import java.util.List;

/** One page of a keyset-paged list: {@code next} is the cursor of the following page, or null at the end. */
public record Page<T>(List<T> items, String next) {
}
