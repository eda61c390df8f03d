package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    @Test
    void noHeaderAndWildcardsAcceptAnything() {
        assertTrue(AcceptHeader.accepts(null, "application/json"));
        assertTrue(AcceptHeader.accepts("", "application/json"));
        assertTrue(AcceptHeader.accepts("*/*", "application/rss+xml; charset=utf-8"));
        assertTrue(AcceptHeader.accepts("application/*", "application/json"));
    }

    @Test
    void theMostSpecificMatchingRangeDecides() {
        assertTrue(AcceptHeader.accepts("text/html, application/json;q=0.5", "application/json"));
        assertFalse(AcceptHeader.accepts("*/*, application/json;q=0", "application/json"));
        assertTrue(AcceptHeader.accepts("application/*;q=0, application/json", "application/json"));
        assertFalse(AcceptHeader.accepts("application/xml", "application/json"));
        assertFalse(AcceptHeader.accepts("text/*", "application/json"));
    }

    @Test
    void anUnreadableHeaderIsLeftToNegotiation() {
        assertFalse(AcceptHeader.accepts("application/json;q=high", "application/json"));
        assertFalse(AcceptHeader.accepts("json", "application/json"));
        assertFalse(AcceptHeader.accepts("application/json;q=2", "application/json"));
    }
}
