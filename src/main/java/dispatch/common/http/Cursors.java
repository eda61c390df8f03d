package dispatch.common.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Opaque keyset cursors: the sort key of the last item of a page (plus a fingerprint of the query it
 * belongs to), as base64url of a small JSON array. Clients must treat them as opaque.
 */
public final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> PARTS = new TypeReference<>() {};

    private Cursors() {
    }

    public static String encode(List<String> parts) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(parts));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a time-ordered page continues: the time and id of the last item of the page before. */
    public record TimeKey(Instant time, UUID id) {
    }

    /** A cursor for the page after the item at ({@code time}, {@code id}), bound to {@code scope} (the query's fingerprint). */
    public static String afterTime(String scope, Instant time, UUID id) {
        return encode(List.of(scope, time.toString(), id.toString()));
    }

    /** The position an {@link #afterTime} cursor names; a 400 when it is not one, or belongs to another query. */
    public static TimeKey timeKey(String cursor, String scope) {
        List<String> parts = decode(cursor, 3);
        if (!parts.get(0).equals(scope)) {
            throw ProblemException.badParameter("cursor", "this cursor belongs to a different query");
        }
        try {
            return new TimeKey(Instant.parse(parts.get(1)), UUID.fromString(parts.get(2)));
        } catch (RuntimeException e) {
            throw ProblemException.badParameter("cursor", "not a cursor this API issued");
        }
    }

    /** Decodes a cursor into exactly {@code size} parts, or fails with a 400 naming {@code cursor}. */
    public static List<String> decode(String cursor, int size) {
        return decode(cursor, size, "cursor");
    }

    /** The same, for a cursor passed in another parameter. */
    public static List<String> decode(String cursor, int size, String parameter) {
        try {
            List<String> parts = JSON.readValue(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)), PARTS);
            if (parts.size() != size || parts.stream().anyMatch(p -> p == null)) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (Exception e) {
            throw ProblemException.badParameter(parameter, "not a cursor this API issued; use the 'next' value of a previous page");
        }
    }
}
