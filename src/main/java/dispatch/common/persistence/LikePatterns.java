package dispatch.common.persistence;

import java.util.Locale;

/** LIKE patterns built from user text, with the text's own wildcards escaped. */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** Matches lower-cased values that start with {@code prefix}. */
    public static String startsWith(String prefix) {
        return prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
