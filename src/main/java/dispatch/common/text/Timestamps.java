package dispatch.common.text;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one parser of the instants clients send, in query parameters and in bodies alike: RFC 3339
 * date-times ({@code 2026-12-08T10:00:00Z}, {@code 2026-12-08T11:00:00.5+01:00}) and nothing else.
 * Its four-digit years keep every accepted instant within what PostgreSQL stores and what a
 * {@link java.time.Duration} in nanoseconds holds, so that no date a client sends can fail a read
 * later ({@code +294277-01-01} or {@code +999999999-12-31}, which ISO-8601's expanded years allow, are
 * refused here).
 */
public final class Timestamps {

    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private Timestamps() {
    }

    /** The instant, or null when {@code text} is not an RFC 3339 date-time. */
    public static Instant parse(String text) {
        if (text == null || text.length() > 40 || !RFC_3339.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.toUpperCase(java.util.Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            return null; // a 31 February, an hour 25
        }
    }
}
