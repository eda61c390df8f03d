package dispatch.common.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The request target (path and query) as the one strict, bounded check every request passes before
 * anything reads it, answering what it refuses with a problem that carries the request id and the
 * CORS headers like every other answer.
 *
 * <p>It stands in for the check Quarkus makes with {@link java.net.URI}, which {@code Main} turns off
 * ({@code vertx.disableURIValidation}): that check refuses, with an empty 400, the characters browsers
 * and {@code fetch()} leave raw in a query by the WHATWG URL rules ({@code | { } ^ ` [ ]}), although
 * they mean what their percent-encoded forms mean. What is really malformed is still refused here: a
 * {@code %} not followed by two hex digits, escapes that are not UTF-8, control characters in the path,
 * a NUL anywhere, and a target longer than {@link #MAX_TARGET} (the HTTP decoder's own limit is set far
 * above it, {@code quarkus.http.limits.max-initial-line-length}, so that this answer is the one given).
 */
@ApplicationScoped
class RequestTargets {

    /** The longest request target answered: well above any URL a front end builds, as long as browsers' limits. */
    static final int MAX_TARGET = 8192;

    void register(@Observes Filters filters) {
        filters.register(this::check, 985); // after request ids (1000), CORS (995) and security headers (990)
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String target = request.uri();
        String refusal = target == null ? "The request has no target" : refusal(target);
        if (refusal == null) {
            rc.next();
        } else if (refusal.equals(TOO_LONG)) {
            ProblemMappers.end(rc, 414, "URI_TOO_LONG", "URI Too Long",
                    "The request target may be at most " + MAX_TARGET + " characters", Map.of());
        } else {
            ProblemMappers.end(rc, 400, "MALFORMED_URI", "Malformed request target", refusal, Map.of());
        }
    }

    private static final String TOO_LONG = "too long";

    /** Why the target is refused, or null when it is well-formed. */
    static String refusal(String target) {
        if (target.length() > MAX_TARGET) {
            return TOO_LONG;
        }
        int query = target.indexOf('?');
        int pathEnd = query < 0 ? target.length() : query;
        String problem = checkPart(target, 0, pathEnd, true);
        if (problem == null && query >= 0) {
            problem = checkPart(target, query + 1, target.length(), false);
        }
        return problem;
    }

    /**
     * Checks one part of the target: its escapes, the UTF-8 they spell, and its characters once
     * decoded (no control character in the path; no NUL anywhere).
     */
    private static String checkPart(String target, int from, int to, boolean path) {
        String where = path ? "path" : "query";
        String notUtf8 = "The " + where + " has escapes that are not UTF-8";
        ByteBuffer escaped = null;
        for (int i = from; i < to; i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !hex(target.charAt(i + 1)) || !hex(target.charAt(i + 2))) {
                    return "The " + where + " has a '%' that is not followed by two hexadecimal digits";
                }
                int b = Character.digit(target.charAt(i + 1), 16) * 16 + Character.digit(target.charAt(i + 2), 16);
                if (b == 0 || (path && (b < 0x20 || b == 0x7F))) {
                    return "The " + where + " holds a control character";
                }
                if (b >= 0x80) {
                    if (escaped == null) {
                        escaped = ByteBuffer.allocate((to - from) / 3 + 1);
                    }
                    escaped.put((byte) b);
                } else if (escaped != null && !utf8(escaped)) {
                    return notUtf8;
                }
                i += 2;
            } else {
                if (c < 0x20 || c == 0x7F) {
                    return "The " + where + " holds a control character";
                }
                if (escaped != null && !utf8(escaped)) {
                    return notUtf8;
                }
            }
        }
        if (escaped != null && !utf8(escaped)) {
            return notUtf8;
        }
        return null;
    }

    /** Whether the escaped bytes collected so far are whole UTF-8; empties the buffer. */
    private static boolean utf8(ByteBuffer bytes) {
        if (bytes.position() == 0) {
            return true;
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } finally {
            bytes.clear();
        }
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
