package dispatch.common.http;

import java.util.Set;

/** A representation with the surrogate keys of everything it shows. */
public record Keyed<T>(T value, Set<String> keys) {
}
