package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorsTest {

    @Test
    void roundTripsItsParts() {
        String cursor = Cursors.encode(List.of("abc", "2023-08-22T15:30:00Z", ""));
        assertFalse(cursor.contains("=") || cursor.contains("+") || cursor.contains("/"), "url-safe without padding");
        assertEquals(List.of("abc", "2023-08-22T15:30:00Z", ""), Cursors.decode(cursor, 3));
    }

    @Test
    void foreignOrWrongSizedCursorsAreRefusedNamingCursor() {
        String twoParts = Cursors.encode(List.of("a", "b"));
        for (String bad : List.of(twoParts, "!!!", "bm90LWpzb24", Cursors.encode(List.of()))) {
            ProblemException e = assertThrows(ProblemException.class, () -> Cursors.decode(bad, 3), bad);
            assertEquals("cursor", e.errors().get(0).parameter());
            assertEquals(400, e.status());
        }
    }
}
