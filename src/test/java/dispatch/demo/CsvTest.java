package dispatch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void valuesAreQuotedWithTheirQuotesDoubledAndNullIsAnEmptyField() {
        StringBuilder out = new StringBuilder();
        UUID id = UUID.fromString("6079c2eb-c583-4cf6-83ae-684ded62a862");
        Csv.row(out, id, "He said \"no\", twice", null, "", 42, Instant.parse("2026-12-02T01:02:03Z"), "line one\nline two");
        assertEquals("\"6079c2eb-c583-4cf6-83ae-684ded62a862\",\"He said \"\"no\"\", twice\",,\"\",\"42\","
                + "\"2026-12-02T01:02:03Z\",\"line one\nline two\"\n", out.toString());
    }
}
