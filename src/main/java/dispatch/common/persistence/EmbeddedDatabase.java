package dispatch.common.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL server per JVM, started on first use and stopped when the JVM exits.
 * Its data directory survives restarts (unless started with {@code clean}), so demo content and
 * anything written through the API are still there the next time the app starts.
 */
public final class EmbeddedDatabase {

    static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static EmbeddedDatabase instance;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static synchronized EmbeddedDatabase start(String dataDirectory, boolean clean) {
        if (instance != null) {
            return instance;
        }
        Path dir = Path.of(dataDirectory).toAbsolutePath();
        try {
            Files.createDirectories(dir.getParent());
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", clean ? "off" : "on")
                    .setRegisterShutdownHook(true)
                    .start();
            instance = new EmbeddedDatabase(postgres);
            LOG.infof("Embedded PostgreSQL started on port %d with data in %s (%d ms)", postgres.getPort(), dir,
                    (System.nanoTime() - started) / 1_000_000);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    String jdbcUrl() {
        return jdbcUrl(postgres.getPort());
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?reWriteBatchedInserts=true";
    }

    int port() {
        return postgres.getPort();
    }
}
