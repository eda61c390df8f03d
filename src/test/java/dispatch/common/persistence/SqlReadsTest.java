package dispatch.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlReadsTest {

    @Test
    void namedParametersAreFoundButCastsAndLiteralsAreLeftAlone() {
        SqlReads.Parsed parsed = SqlReads.parse(
                "select a.body::text, to_char(a.t, 'HH24:MI:SS') from a where a.id in (:ids) and a.slug = :slug and x = ':not'");
        assertEquals(List.of("ids", "slug"), parsed.names());
        assertEquals(List.of("select a.body::text, to_char(a.t, 'HH24:MI:SS') from a where a.id in (", ") and a.slug = ",
                " and x = ':not'"), parsed.parts());
        assertEquals(List.of(false, false), parsed.arrays());
    }

    @Test
    void aParameterInsideAnyIsBoundAsOneArray() {
        SqlReads.Parsed parsed = SqlReads.parse("select 1 from a where a.id = any(:ids) and a.slug = ANY ( :slugs) and a.n = :n");
        assertEquals(List.of("ids", "slugs", "n"), parsed.names());
        assertEquals(List.of(true, true, false), parsed.arrays());
    }

    @Test
    void aParameterMayRepeatAndEndTheStatement() {
        SqlReads.Parsed parsed = SqlReads.parse("select websearch_to_tsquery('english', :q) || websearch_to_tsquery('simple', :q) where b = :b_2");
        assertEquals(List.of("q", "q", "b_2"), parsed.names());
        assertEquals("", parsed.parts().get(3));
    }
}
