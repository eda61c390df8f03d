package dispatch.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void slugIsLowerCaseAsciiWordsJoinedByHyphens() {
        assertEquals("55-killed-during-clashes-in-libyan-capital", Slugs.of("55 Killed During Clashes in Libyan Capital"));
        assertEquals("ataque-en-tripoli-55-muertos", Slugs.of("Ataque en Trípoli: ¡55 muertos!"));
        assertEquals("untitled", Slugs.of("!!!"));
        assertEquals("untitled", Slugs.of(null));
    }

    @Test
    void longSlugsAreCutAtAWordBoundary() {
        String slug = Slugs.of("word ".repeat(40));
        assertTrue(slug.length() <= 80);
        assertFalse(slug.endsWith("-"));
        assertTrue(Slugs.isValid(slug));
    }

    @Test
    void validityFollowsTheDatabaseRule() {
        assertTrue(Slugs.isValid("news"));
        assertFalse(Slugs.isValid("News"));
        assertFalse(Slugs.isValid("a--b"));
        assertFalse(Slugs.isValid("-a"));
        assertFalse(Slugs.isValid(null));
    }
}
