package dispatch.common.persistence;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A primary and a physical streaming replica of it, both embedded PostgreSQL 17: the primary is the
 * app's datasource, the replica its {@code news.replica.url}. The replica is made as an operator would
 * without pg_basebackup: a copy of the primary's data directory taken between {@code pg_backup_start}
 * and {@code pg_backup_stop}, with the backup label, {@code standby.signal} and a replication slot
 * that keeps the WAL it needs.
 */
public class StreamingReplica implements QuarkusTestResourceLifecycleManager {

    private static final Path PRIMARY_DATA = Path.of("target/test-pgdata-primary").toAbsolutePath();
    private static final Path REPLICA_DATA = Path.of("target/test-pgdata-replica").toAbsolutePath();
    private static final String SLOT = "dispatch_test_replica";
    /** Files a copy must not take: the running server's own, and WAL (the replica streams it from the slot). */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    /** Folders whose contents a base backup leaves out (PostgreSQL's documentation lists them); the folders themselves stay. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_subtrans");

    private static EmbeddedPostgres primary;
    private static EmbeddedPostgres replica;

    @Override
    public Map<String, String> start() {
        try {
            deleteRecursively(PRIMARY_DATA);
            deleteRecursively(REPLICA_DATA);
            primary = EmbeddedPostgres.builder().setDataDirectory(PRIMARY_DATA).setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("fsync", "off").start();
            copyAsStandby();
            replica = EmbeddedPostgres.builder().setDataDirectory(REPLICA_DATA).setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60)).setServerConfig("fsync", "off").start();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not set up the streaming replica", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(primary.getPort()),
                "quarkus.datasource.username", EmbeddedDatabase.USER, "quarkus.datasource.password", "",
                "news.embedded-db.active", "true", "news.replica.url", EmbeddedDatabase.jdbcUrl(replica.getPort()),
                "news.replica.poll-interval", "PT0.05S");
    }

    private static void copyAsStandby() throws IOException, SQLException {
        try (Connection c = connect(primary); Statement st = c.createStatement()) {
            st.execute("select pg_create_physical_replication_slot('" + SLOT + "', true)");
            st.execute("select pg_backup_start('dispatch-test-replica', true)");
            copy(PRIMARY_DATA, REPLICA_DATA);
            try (ResultSet stop = st.executeQuery("select labelfile from pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(REPLICA_DATA.resolve("backup_label"), stop.getString(1));
            }
        }
        Files.setPosixFilePermissions(REPLICA_DATA, PosixFilePermissions.fromString("rwx------")); // PostgreSQL insists
        Files.createFile(REPLICA_DATA.resolve("standby.signal"));
        Files.writeString(REPLICA_DATA.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=localhost port=" + primary.getPort()
                + " user=" + EmbeddedDatabase.USER + "'\nprimary_slot_name = '" + SLOT + "'\n");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                Path target = to.resolve(relative.toString());
                boolean emptied = relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString())
                        && !(relative.getName(0).toString().equals("pg_wal") && Files.isDirectory(source));
                if (NOT_COPIED.contains(relative.toString()) || emptied) {
                    continue;
                }
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    try {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // removed by the running server while copying (temporary files): the WAL replays past it
                    }
                }
            }
        }
    }

    private static Connection connect(EmbeddedPostgres server) throws SQLException {
        return DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(server.getPort()), EmbeddedDatabase.USER, "");
    }

    @Override
    public void stop() {
        try {
            if (replica != null) {
                replica.close();
            }
            if (primary != null) {
                try (Connection c = connect(primary); Statement st = c.createStatement()) {
                    st.execute("select pg_drop_replication_slot('" + SLOT + "')");
                } catch (SQLException e) {
                    // the data directory goes next anyway
                }
                primary.close();
            }
            deleteRecursively(REPLICA_DATA);
            deleteRecursively(PRIMARY_DATA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
