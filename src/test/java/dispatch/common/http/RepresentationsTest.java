package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
}
