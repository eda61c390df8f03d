package dispatch.common.http;

import java.util.Locale;

/**
 * Whether an {@code Accept} header admits a media type, as content negotiation would decide it for a
 * resource that produces only that type (RFC 9110 section 12.5.1): the most specific range that
 * matches the type decides, and a quality of 0 refuses. An absent or empty header accepts anything.
 * A header that cannot be read is answered "no", so that whoever asks falls back to the full path.
 */
final class AcceptHeader {

    private AcceptHeader() {
    }

    static boolean accepts(String accept, String mediaType) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String type = essence(mediaType);
        int slash = type.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String major = type.substring(0, slash);
        int bestSpecificity = -1;
        boolean bestAccepts = false;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            int specificity;
            if (name.equals(type)) {
                specificity = 2;
            } else if (name.equals(major + "/*")) {
                specificity = 1;
            } else if (name.equals("*/*")) {
                specificity = 0;
            } else if (name.indexOf('/') < 0) {
                return false; // not a media range: let negotiation itself say what it makes of it
            } else {
                continue;
            }
            Double quality = quality(parts);
            if (quality == null) {
                return false;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                bestAccepts = quality > 0;
            }
        }
        return bestSpecificity >= 0 && bestAccepts;
    }

    /** The range's {@code q}, 1 when absent, null when malformed. */
    private static Double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return 1.0;
    }

    /** {@code application/json; charset=UTF-8} → {@code application/json}. */
    static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
