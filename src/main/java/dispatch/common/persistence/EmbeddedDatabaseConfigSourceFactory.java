package dispatch.common.persistence;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource settings of an embedded PostgreSQL when none is configured, so that the app
 * (and its tests) run against a real PostgreSQL on a machine that has only Java and Maven.
 *
 * <p>The contract: when {@code quarkus.datasource.jdbc.url} is set anywhere (environment, system
 * properties, application.properties), this factory contributes nothing. Otherwise it contributes the
 * URL and credentials of an {@link EmbeddedDatabase}, started lazily the first time the URL is read,
 * with its data in {@code news.embedded-db.dir} (kept across restarts unless
 * {@code news.embedded-db.clean=true}), and sets {@code news.embedded-db.active=true}.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Not while the application is being built: the build records the configuration it reads as
        // defaults for the packaged app, and a server started then would be gone when the app runs.
        if (ExecutionMode.current() == ExecutionMode.UNSET
                || isSet(context.getValue(JDBC_URL)) || "false".equalsIgnoreCase(valueOf(context.getValue("news.embedded-db.enabled")))) {
            return List.of();
        }
        String dir = valueOf(context.getValue("news.embedded-db.dir"));
        boolean clean = "true".equalsIgnoreCase(valueOf(context.getValue("news.embedded-db.clean")));
        return List.of(new EmbeddedDatabaseConfigSource(dir == null ? ".dispatch/pgdata" : dir, clean));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(100);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOf(ConfigValue value) {
        return value == null ? null : value.getValue();
    }
}
