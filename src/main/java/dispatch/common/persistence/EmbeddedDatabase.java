package dispatch.common.persistence;

import io.quarkus.runtime.Application;
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
    private static final String PORT_PROPERTY = "dispatch.embedded-db.port:";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** Longer than quarkus.shutdown.timeout: the application's own stop is bounded by that. */
    private static final Duration APPLICATION_STOP_WAIT = Duration.ofSeconds(60);
    private static EmbeddedDatabase instance;

    private final int port;

    private EmbeddedDatabase(int port) {
        this.port = port;
    }

    static synchronized EmbeddedDatabase start(String dataDirectory, boolean clean) {
        if (instance != null) {
            return instance;
        }
        Path dir = Path.of(dataDirectory).toAbsolutePath();
        // A restarted application (a test profile) has a class loader of its own, but the server it
        // started before is still running in this JVM: system properties are shared, so join it.
        String running = System.getProperty(PORT_PROPERTY + dir);
        if (running != null) {
            instance = new EmbeddedDatabase(Integer.parseInt(running));
            return instance;
        }
        try {
            Files.createDirectories(dir.getParent());
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", clean ? "off" : "on")
                    .setRegisterShutdownHook(false)
                    .start();
            stopAfterTheApplication(postgres);
            instance = new EmbeddedDatabase(postgres.getPort());
            System.setProperty(PORT_PROPERTY + dir, Integer.toString(postgres.getPort()));
            LOG.infof("Embedded PostgreSQL started on port %d with data in %s (%d ms)", postgres.getPort(), dir,
                    (System.nanoTime() - started) / 1_000_000);
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /**
     * Stops the server when the JVM exits, but only after the application has stopped: on SIGTERM
     * the JVM runs its shutdown hooks concurrently, and requests still in flight during Quarkus'
     * graceful shutdown need the database until they are answered.
     */
    private static void stopAfterTheApplication(EmbeddedPostgres postgres) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Thread awaiter = new Thread(() -> {
                Application application = Application.currentApplication();
                if (application != null) {
                    application.awaitShutdown();
                }
            }, "embedded-postgres-await");
            awaiter.setDaemon(true);
            awaiter.start();
            try {
                awaiter.join(APPLICATION_STOP_WAIT.toMillis());
                postgres.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                LOG.warnf("Could not stop the embedded PostgreSQL: %s", e.getMessage());
            }
        }, "embedded-postgres-stop"));
    }

    String jdbcUrl() {
        return jdbcUrl(port);
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?reWriteBatchedInserts=true";
    }
}
