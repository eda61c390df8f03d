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
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hibernate.JDBCException;
import org.hibernate.Session;

/**
 * Read-only SQL with named parameters, run as a plain JDBC prepared statement. A collection written
 * {@code = any(:ids)} is bound as one array parameter, so the statement text is the same whatever
 * the number of values and PostgreSQL keeps one prepared plan for it; written {@code in (:ids)} it
 * expands to one parameter per value. Inside a transaction the statement runs on the connection of
 * the current Hibernate session, so it sees the same transaction (flushed first, as Hibernate would
 * before a native query); outside one it takes a pooled connection directly, with no session (from
 * the {@link ReadReplica} when the read renders a public representation and the replica is current). The
 * hot read paths use it instead of Hibernate native queries: those spent more CPU resolving result
 * mappings and parameter bindings than PostgreSQL spent running the statements
 * (docs/benchmarks.md). Rows come back as {@code Object[]} of the driver's types; read them with
 * {@link Rows}.
 */
@ApplicationScoped
public class SqlReads {

    /**
     * A statement with its {@code :name} parameters replaced by {@code ?}: the text around them, their
     * names in order, and whether each stands inside {@code any( )} (bound as an array).
     */
    record Parsed(List<String> parts, List<String> names, List<Boolean> arrays) {
    }

    /** A collection bound as one SQL array; {@code type} is the PostgreSQL element type. */
    private record ArrayValue(String type, Object[] values) {
    }

    private static final Pattern ANY_OPEN = Pattern.compile("(?i)\\bany\\s*\\(\\s*$");

    private final EntityManager em;
    private final DataSource dataSource;
    private final ReadReplica replica;
    private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(2_000).build();
    private final LongAdder executed = new LongAdder();

    SqlReads(EntityManager em, DataSource dataSource, ReadReplica replica) {
        this.em = em;
        this.dataSource = dataSource;
        this.replica = replica;
    }

    public List<Object[]> list(String sql) {
        return list(sql, Map.of());
    }

    public List<Object[]> list(String sql, Map<String, ?> params) {
        return list(sql, params, false);
    }

    /**
     * The same, planned for the values it is given (a custom plan) although the connections keep one
     * generic plan per statement: for statements whose best plan depends on the values, such as a text
     * search, where a common word is found fastest by walking the newest articles and a rare one through
     * the GIN index (docs/benchmarks.md: the generic plan took 7.2 s at a million articles, the custom
     * one 0.6 s).
     */
    public List<Object[]> listPlannedForValues(String sql, Map<String, ?> params) {
        return list(sql, params, true);
    }

    private List<Object[]> list(String sql, Map<String, ?> params, boolean customPlan) {
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
            if (value instanceof Collection<?> many && statement.arrays().get(i)) {
                text.append('?');
                values.add(arrayOf(name, many));
            } else if (value instanceof Collection<?> many) {
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
        executed.increment();
        if (QuarkusTransaction.isActive()) {
            Session session = em.unwrap(Session.class);
            session.flush();
            return session.doReturningWork(connection -> run(connection, text.toString(), values, customPlan));
        }
        DataSource replicaPool = replica.forThisRead();
        if (replicaPool != null) {
            try (Connection connection = replicaPool.getConnection()) {
                return run(connection, text.toString(), values, customPlan);
            } catch (SQLException e) {
                if (!ReadReplica.isReplicaTrouble(e)) {
                    throw new JDBCException("Read failed: " + e.getMessage(), e);
                }
                replica.failed(e);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            return run(connection, text.toString(), values, customPlan);
        } catch (SQLException e) {
            // as Hibernate wraps it; the problem mappers look at the SQLSTATE (503 when the database is down)
            throw new JDBCException("Read failed: " + e.getMessage(), e);
        }
    }

    private static ArrayValue arrayOf(String name, Collection<?> values) {
        if (values.isEmpty()) {
            return new ArrayValue(null, new Object[0]); // bound as an untyped null: "= any(null)" matches nothing
        }
        Object first = values.iterator().next();
        String type;
        if (first instanceof String) {
            type = "text";
        } else if (first instanceof UUID) {
            type = "uuid";
        } else if (first instanceof Integer) {
            type = "int4";
        } else if (first instanceof Long) {
            type = "int8";
        } else {
            throw new IllegalArgumentException("No SQL array type for :" + name + " of " + first.getClass().getSimpleName());
        }
        return new ArrayValue(type, values.toArray());
    }

    /** Statements run so far (beside Hibernate's own statistics, which do not see these). */
    public long executed() {
        return executed.sum();
    }

    private static List<Object[]> run(Connection connection, String sql, List<Object> values, boolean customPlan) throws SQLException {
        if (!customPlan) {
            return run(connection, sql, values);
        }
        try (Statement set = connection.createStatement()) {
            set.execute("set plan_cache_mode = force_custom_plan");
        }
        try {
            return run(connection, sql, values);
        } finally {
            try (Statement reset = connection.createStatement()) {
                reset.execute("reset plan_cache_mode"); // back to the connection's own setting
            }
        }
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
                        Object value = rs.getObject(c + 1);
                        // arrays are read out while the result set is open: java.sql.Array may need it
                        row[c] = value instanceof java.sql.Array array ? array.getArray() : value;
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof ArrayValue array && array.type() == null) {
            statement.setNull(index, java.sql.Types.OTHER);
        } else if (value instanceof ArrayValue array) {
            statement.setArray(index, statement.getConnection().createArrayOf(array.type(), array.values()));
        } else if (value instanceof Instant instant) {
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
        List<Boolean> arrays = new ArrayList<>();
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
                arrays.add(ANY_OPEN.matcher(part).find());
                part.setLength(0);
                names.add(sql.substring(i + 1, end));
                i = end;
            } else {
                part.append(c);
                i++;
            }
        }
        parts.add(part.toString());
        return new Parsed(List.copyOf(parts), List.copyOf(names), List.copyOf(arrays));
    }
}
