package dispatch.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** One {@code COPY <target> from stdin (format csv)}: the table with its columns, and its rows as CSV in UTF-8. */
record Copy(String target, byte[] rows) {

    static final class Builder {

        private final String target;
        private final StringBuilder row = new StringBuilder(8192);
        private final ByteArrayOutputStream rows = new ByteArrayOutputStream(64 * 1024);

        Builder(String target) {
            this.target = target;
        }

        /** Appends one row; see {@link Csv#row} for how values are written. */
        void row(Object... values) {
            row.setLength(0);
            Csv.row(row, values);
            rows.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
        }

        Copy build() {
            return new Copy(target, rows.toByteArray());
        }
    }
}
