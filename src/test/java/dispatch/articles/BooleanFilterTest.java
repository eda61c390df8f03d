package dispatch.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dispatch.common.http.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BooleanFilterTest {

    @Test
    void commaIsAllOfPipeIsAnyOfMinusIsNoneOf() {
        BooleanFilter filter = BooleanFilter.parse("a|b,-c", "tag");
        assertEquals(List.of(
                List.of(new BooleanFilter.Term("a", false), new BooleanFilter.Term("b", false)),
                List.of(new BooleanFilter.Term("c", true))), filter.allOf());
        assertEquals(List.of("a", "b", "c"), filter.values());
    }

    @Test
    void absentParameterIsNoFilter() {
        assertNull(BooleanFilter.parse(null, "tag"));
    }

    @Test
    void malformedValuesAreRefusedNamingTheParameter() {
        for (String raw : List.of("", "a,", "a||b", "-", "A", "a b", "a;drop")) {
            ProblemException e = assertThrows(ProblemException.class, () -> BooleanFilter.parse(raw, "tag"), raw);
            assertEquals("tag", e.errors().get(0).parameter());
        }
    }

    @Test
    void tooManyTermsAreRefused() {
        String raw = String.join("|", java.util.Collections.nCopies(21, "x"));
        assertThrows(ProblemException.class, () -> BooleanFilter.parse(raw, "tag"));
    }
}
