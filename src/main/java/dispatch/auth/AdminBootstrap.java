package dispatch.auth;

import dispatch.common.NewsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the first admin from NEWS_ADMIN_USERNAME / NEWS_ADMIN_PASSWORD when that account does not exist. */
@ApplicationScoped
class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final NewsConfig config;
    private final UserService users;

    AdminBootstrap(NewsConfig config, UserService users) {
        this.config = config;
        this.users = users;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.adminUsername().isEmpty() || config.adminPassword().isEmpty()) {
            return;
        }
        String username = config.adminUsername().get().trim().toLowerCase(java.util.Locale.ROOT);
        if (users.ensureAdmin(username, config.adminPassword().get())) {
            LOG.infof("Created admin account '%s'", username);
        }
    }
}
