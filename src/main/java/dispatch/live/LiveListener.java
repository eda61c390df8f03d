package dispatch.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTENs on {@code dispatch_live} with one connection per instance, so an entry committed through
 * any instance reaches the readers connected to this one. If the connection breaks it is opened
 * again, and every stream catches up from the live event log.
 */
@ApplicationScoped
class LiveListener {

    private static final Logger LOG = Logger.getLogger(LiveListener.class);

    private final DataSource dataSource;
    private final LiveHub hub;
    private volatile boolean running = true;
    private Thread thread;

    LiveListener(DataSource dataSource, LiveHub hub) {
        this.dataSource = dataSource;
        this.hub = hub;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::listen, "live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + LiveService.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (reconnecting) {
                    hub.catchUpAll();
                }
                reconnecting = true;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            String payload = n.getParameter();
                            hub.notified(UUID.fromString(payload.substring(0, payload.indexOf(':'))));
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Live listener lost its connection (%s); retrying", e.getMessage());
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
