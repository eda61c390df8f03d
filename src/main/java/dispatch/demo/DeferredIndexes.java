package dispatch.demo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes and foreign keys of tables about to be filled in bulk, dropped before the
 * load and made again after it, in the load's transaction: PostgreSQL builds an index over all rows
 * in one sorted pass (with parallel workers) and checks a foreign key with one join, where a load
 * with them in place updates every index and runs a check per row ("Populating a Database" in its
 * manual). Primary keys and unique indexes stay, so a duplicate still fails the row that brings it.
 * The definitions are read from the catalog, so the migrations stay the only place that states them.
 */
final class DeferredIndexes {

    /** {@code drop} drops it, {@code create} makes it again exactly as it was. */
    private record Definition(String drop, String create) {
    }

    private static final String INDEXES = "select format('drop index %s', x.indexrelid::regclass), pg_get_indexdef(x.indexrelid) "
            + "from pg_index x where x.indrelid = any (?::text[]::regclass[]) and not x.indisunique and not x.indisprimary "
            + "and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid) "
            + "order by x.indexrelid";
    private static final String FOREIGN_KEYS = "select format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname), "
            + "format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) "
            + "from pg_constraint c where c.contype = 'f' and c.conrelid = any (?::text[]::regclass[]) order by c.oid";

    private final List<Definition> indexes;
    private final List<Definition> foreignKeys;

    private DeferredIndexes(List<Definition> indexes, List<Definition> foreignKeys) {
        this.indexes = indexes;
        this.foreignKeys = foreignKeys;
    }

    /** Drops the secondary indexes and foreign keys of {@code tables}; {@link #restore} makes them again. */
    static DeferredIndexes drop(Connection connection, List<String> tables) throws SQLException {
        Array names = connection.createArrayOf("text", tables.toArray());
        DeferredIndexes deferred = new DeferredIndexes(definitions(connection, INDEXES, names), definitions(connection, FOREIGN_KEYS, names));
        try (Statement st = connection.createStatement()) {
            for (Definition fk : deferred.foreignKeys) {
                st.execute(fk.drop());
            }
            for (Definition index : deferred.indexes) {
                st.execute(index.drop());
            }
        }
        return deferred;
    }

    /** Builds the dropped indexes and adds the dropped foreign keys back, each checked over every row. */
    void restore(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            // room to sort a large table's keys in memory; this transaction only, and given back at its end
            st.execute("set local maintenance_work_mem = '128MB'");
            for (Definition index : indexes) {
                st.execute(index.create());
            }
            for (Definition fk : foreignKeys) {
                st.execute(fk.create());
            }
        }
    }

    /** How many indexes and foreign keys were dropped. */
    int size() {
        return indexes.size() + foreignKeys.size();
    }

    private static List<Definition> definitions(Connection connection, String sql, Array tables) throws SQLException {
        List<Definition> definitions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setArray(1, tables);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    definitions.add(new Definition(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return definitions;
    }
}
