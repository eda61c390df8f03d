package dispatch.common.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * One LISTEN connection per instance for the channels instances use to tell each other about
 * commits ({@code dispatch_live}, {@code dispatch_cache}). Each notification is fired as a
 * {@link Notification} CDI event; when the connection breaks it is opened again and a
 * {@link Reconnected} event lets listeners catch up on what they may have missed.
 */
@ApplicationScoped
public class DatabaseNotifications {

    public static final String LIVE = "dispatch_live";
    public static final String CACHE = "dispatch_cache";
    /** A credential stopped being valid: {@code key:<prefix>} (a revoked API key) or {@code user:<id>} (an account's tokens). */
    public static final String ACCESS = "dispatch_access";
    private static final Logger LOG = Logger.getLogger(DatabaseNotifications.class);

    /** A NOTIFY received on one of the channels. */
    public record Notification(String channel, String payload) {
    }

    /** The listener connection was re-established: notifications may have been lost meanwhile. */
    public record Reconnected() {
    }

    private final DataSource dataSource;
    private final Event<Notification> notifications;
    private final Event<Reconnected> reconnects;
    private volatile boolean running = true;
    private volatile boolean listening;
    private Thread thread;

    DatabaseNotifications(DataSource dataSource, Event<Notification> notifications, Event<Reconnected> reconnects) {
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.reconnects = reconnects;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::listen, "db-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the LISTEN connection is up (readiness reports it). */
    public boolean isListening() {
        return listening;
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + LIVE);
                statement.execute("LISTEN " + CACHE);
                statement.execute("LISTEN " + ACCESS);
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                if (reconnecting) {
                    reconnects.fire(new Reconnected());
                }
                reconnecting = true;
                while (running) {
                    var received = pg.getNotifications(1000);
                    if (received != null) {
                        for (var n : received) {
                            try {
                                notifications.fire(new Notification(n.getName(), n.getParameter()));
                            } catch (RuntimeException e) {
                                LOG.warnf("A listener of %s failed: %s", n.getName(), e.getMessage());
                            }
                        }
                    }
                }
            } catch (Exception e) {
                listening = false;
                if (running) {
                    LOG.warnf("Lost the LISTEN connection (%s); retrying", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }
}
