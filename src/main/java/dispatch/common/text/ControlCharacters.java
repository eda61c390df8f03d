package dispatch.common.text;

import java.util.regex.Pattern;

/**
 * Control characters (other than tab and line breaks) have no place in content: PostgreSQL refuses
 * NUL outright, and XML 1.0 (feeds, sitemaps) refuses most of the others.
 */
public final class ControlCharacters {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private ControlCharacters() {
    }

    public static String strip(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll("");
    }
}
