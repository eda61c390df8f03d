package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RepresentationsTest {

    @Test
    void etagIsStrongAndDependsOnEveryByte() {
        String a = Representations.etagOf("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        String b = Representations.etagOf("{\"a\":2}".getBytes(StandardCharsets.UTF_8));
        assertTrue(a.startsWith("\"") && a.endsWith("\"") && !a.startsWith("W/"));
        assertNotEquals(a, b);
        assertEquals(a, Representations.etagOf("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ifNoneMatchUsesWeakComparisonOverAList() {
        assertTrue(Representations.matches("\"x\"", "\"x\""));
        assertTrue(Representations.matches("W/\"x\"", "\"x\""));
        assertTrue(Representations.matches("\"y\", \"x\"", "\"x\""));
        assertTrue(Representations.matches("*", "\"x\""));
        assertFalse(Representations.matches("\"y\"", "\"x\""));
        assertFalse(Representations.matches(null, "\"x\""));
        assertFalse(Representations.matches("x", "\"x\""));
    }

    @Test
    void httpDatesUseTheFixedLengthImfForm() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", Representations.httpDate(Instant.parse("1994-11-06T08:49:37.250Z")));
        assertEquals("Mon, 01 Jan 2029 00:00:00 GMT", Representations.httpDate(Instant.parse("2029-01-01T00:00:00Z")));
    }

    @Test
    void requestIdsAreVersionFourUuids() {
        String id = RequestIds.newId();
        UUID parsed = UUID.fromString(id);
        assertEquals(4, parsed.version());
        assertEquals(2, parsed.variant());
        assertNotEquals(id, RequestIds.newId());
    }
}
