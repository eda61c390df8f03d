package dispatch.demo;

/**
 * Rows in the CSV format of PostgreSQL's {@code COPY ... (format csv)}: every value quoted (a quote
 * inside doubled), null as an unquoted empty field, one row a line. Quoted, a value may hold commas,
 * quotes and line breaks as they are.
 */
final class Csv {

    private Csv() {
    }

    /** Appends one row of {@code values} (their {@code toString()}, null for SQL NULL) and its line end. */
    static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (values[i] == null) {
                continue;
            }
            String value = values[i].toString();
            out.append('"');
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                if (ch == '"') {
                    out.append('"');
                }
                out.append(ch);
            }
            out.append('"');
        }
        out.append('\n');
    }
}
