package dispatch.common.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parsing of query parameter values; every failure is a 400 problem naming the parameter. */
public final class QueryValues {

    private QueryValues() {
    }

    public static int limit(String raw, int defaultValue, int max) {
        return raw == null ? defaultValue : integer(raw, "limit", 1, max);
    }

    public static int integer(String raw, String parameter, int min, int max) {
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badParameter(parameter, "must be an integer from " + min + " to " + max);
    }

    /** A comma-separated list of non-empty values, at most {@code max} of them. */
    public static List<String> list(String raw, String parameter, int max) {
        List<String> values = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String value = part.trim();
            if (value.isEmpty()) {
                throw ProblemException.badParameter(parameter, "empty value in the comma-separated list");
            }
            values.add(value);
        }
        if (values.size() > max) {
            throw ProblemException.badParameter(parameter, "at most " + max + " values");
        }
        return values;
    }

    public static String oneOf(String raw, String parameter, Set<String> allowed, String defaultValue) {
        if (raw == null) {
            return defaultValue;
        }
        if (!allowed.contains(raw)) {
            throw ProblemException.badParameter(parameter, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return raw;
    }

    /**
     * An ISO-8601 date ({@code 2023-08-22}, the whole day in UTC) or date-time with offset. For a
     * lower bound a date means its first instant; for an upper bound the first instant of the next day
     * (exclusive), so {@code to=2023-08-22} includes all of that day.
     */
    public static Instant instant(String raw, String parameter, boolean upperBound) {
        if (raw == null) {
            return null;
        }
        Instant instant;
        if (raw.length() == 10) {
            try {
                LocalDate day = LocalDate.parse(raw);
                instant = (upperBound ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                instant = null;
            }
        } else {
            instant = dispatch.common.text.Timestamps.parse(raw);
        }
        if (instant == null) {
            throw ProblemException.badParameter(parameter, "must be a date (2023-08-22) or an RFC 3339 date-time with offset (2023-08-22T10:00:00Z)");
        }
        return instant;
    }

    public static String bounded(String raw, String parameter, int maxLength) {
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        if (value.isEmpty()) {
            throw ProblemException.badParameter(parameter, "must not be empty");
        }
        if (value.length() > maxLength) {
            throw ProblemException.badParameter(parameter, "at most " + maxLength + " characters");
        }
        return value;
    }
}
