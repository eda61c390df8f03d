package dispatch.common.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.hibernate.Session;

/**
 * Read-only SQL with named parameters ({@code :name}; a collection expands to a list for
 * {@code in (:ids)}), run as a plain JDBC prepared statement on the connection of the current
 * Hibernate session, so it sees the same transaction (flushed first, as Hibernate would before a
 * native query). The hot read paths use it instead of Hibernate native queries: those spent more
 * CPU resolving result mappings and parameter bindings than PostgreSQL spent running the statements
 * (docs/benchmarks.md). Rows come back as {@code Object[]} of the driver's types; read them with
 * {@link Rows}.
 */
@ApplicationScoped
public class SqlReads {

    /** A statement with its {@code :name} parameters replaced by {@code ?}, and their names in order. */
    record Parsed(List<String> parts, List<String> names) {
    }

    private final EntityManager em;
    private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(2_000).build();
    private final LongAdder executed = new LongAdder();

    SqlReads(EntityManager em) {
        this.em = em;
    }

    public List<Object[]> list(String sql) {
        return list(sql, Map.of());
    }

    public List<Object[]> list(String sql, Map<String, ?> params) {
        Parsed statement = parsed.get(sql, SqlReads::parse);
        List<Object> values = new ArrayList<>();
        StringBuilder text = new StringBuilder(sql.length() + 32);
        for (int i = 0; i < statement.names().size(); i++) {
            text.append(statement.parts().get(i));
            String name = statement.names().get(i);
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            Object value = params.get(name);
            if (value instanceof Collection<?> many) {
                if (many.isEmpty()) {
                    text.append("null");
                } else {
                    text.append("?, ".repeat(many.size() - 1)).append('?');
                    values.addAll(many);
                }
            } else {
                text.append('?');
                values.add(value);
            }
        }
        text.append(statement.parts().get(statement.names().size()));
        Session session = em.unwrap(Session.class);
        if (QuarkusTransaction.isActive()) {
            session.flush();
        }
        executed.increment();
        return session.doReturningWork(connection -> run(connection, text.toString(), values));
    }

    /** Statements run so far (beside Hibernate's own statistics, which do not see these). */
    public long executed() {
        return executed.sum();
    }

    private static List<Object[]> run(Connection connection, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                bind(statement, i + 1, values.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String string) {
            statement.setString(index, string);
        } else {
            statement.setObject(index, value);
        }
    }

    /** Splits at each {@code :name}, leaving {@code ::type} casts and quoted literals alone. */
    static Parsed parse(String sql) {
        List<String> parts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = sql.indexOf('\'', i + 1);
                end = end < 0 ? sql.length() - 1 : end;
                part.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                part.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                parts.add(part.toString());
                part.setLength(0);
                names.add(sql.substring(i + 1, end));
                i = end;
            } else {
                part.append(c);
                i++;
            }
        }
        parts.add(part.toString());
        return new Parsed(List.copyOf(parts), List.copyOf(names));
    }
}
