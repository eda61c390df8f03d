package dispatch.demo;

import dispatch.common.NewsConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Fills an empty database with demo content at start when {@code news.demo-data} says so; when it is
 * unset, with the embedded database and in dev mode, never silently into an external database.
 */
@ApplicationScoped
class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    private final NewsConfig config;
    private final DemoContent content;

    DemoDataLoader(NewsConfig config, DemoContent content) {
        this.config = config;
        this.content = content;
    }

    void onStart(@Observes StartupEvent event) {
        boolean enabled = config.demoData().orElse(config.embeddedDb().active() || LaunchMode.current() == LaunchMode.DEVELOPMENT);
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        int loaded = content.loadIfEmpty(config.demoArticles());
        if (loaded > 0) {
            LOG.infof("Demo content loaded: %d articles in %d ms", loaded, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
