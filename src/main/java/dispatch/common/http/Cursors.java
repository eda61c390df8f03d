package dispatch.common.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

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
