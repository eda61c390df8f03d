package dispatch.common.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Collections bound as arrays against the real PostgreSQL: every element type the reads use, and none. */
@QuarkusTest
class SqlReadsArrayTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Inject
    SqlReads reads;

    @Test
    void textUuidAndIntegerCollectionsMatchAsArrays() {
        assertEquals(List.of("a", "c"), column(reads.list("select x from unnest(array['a', 'b', 'c']) x where x = any(:xs) order by x",
                Map.of("xs", List.of("c", "a", "z")))));
        assertEquals(List.of(B), column(reads.list(
                "select x from unnest(array[cast('" + A + "' as uuid), cast('" + B + "' as uuid)]) x where x = any(:ids)",
                Map.of("ids", List.of(B)))));
        assertEquals(List.of(2, 3), column(reads.list("select x from generate_series(1, 5) x where x = any(:ns) order by x",
                Map.of("ns", List.of(3, 2)))));
    }

    @Test
    void anEmptyCollectionMatchesNothing() {
        assertEquals(List.of(), reads.list("select x from unnest(array[cast('" + A + "' as uuid)]) x where x = any(:ids)",
                Map.of("ids", List.of())));
        assertEquals(List.of(), reads.list("select x from unnest(array['a']) x where x = any(:xs)", Map.of("xs", List.of())));
    }

    @Test
    void aStatementPlannedForItsValuesLeavesTheConnectionsGenericPlansAsTheyWere() {
        String setting = "select current_setting('plan_cache_mode')";
        List<Object> seen = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> List.of( // one connection for all three
                reads.list(setting, Map.of()).get(0)[0],
                reads.listPlannedForValues(setting, Map.of()).get(0)[0],
                reads.list(setting, Map.of()).get(0)[0]));
        assertEquals(List.of("force_generic_plan", "force_custom_plan", "force_generic_plan"), seen);
    }

    private static List<Object> column(List<Object[]> rows) {
        return rows.stream().map(r -> r[0]).toList();
    }
}
