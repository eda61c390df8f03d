package dispatch.common.persistence;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** Datasource settings pointing at the embedded PostgreSQL; the server starts on the first read of the URL. */
final class EmbeddedDatabaseConfigSource implements ConfigSource {

    private static final Map<String, String> FIXED = Map.of(
            "quarkus.datasource.username", EmbeddedDatabase.USER,
            "quarkus.datasource.password", "",
            "news.embedded-db.active", "true");

    private final String dataDirectory;
    private final boolean clean;

    EmbeddedDatabaseConfigSource(String dataDirectory, boolean clean) {
        this.dataDirectory = dataDirectory;
        this.clean = clean;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(EmbeddedDatabaseConfigSourceFactory.JDBC_URL, "quarkus.datasource.username",
                "quarkus.datasource.password", "news.embedded-db.active");
    }

    @Override
    public String getValue(String propertyName) {
        if (EmbeddedDatabaseConfigSourceFactory.JDBC_URL.equals(propertyName)) {
            return EmbeddedDatabase.start(dataDirectory, clean).jdbcUrl();
        }
        return FIXED.get(propertyName);
    }

    @Override
    public int getOrdinal() {
        // below application.properties (250): anything configured explicitly wins
        return 200;
    }

    @Override
    public String getName() {
        return "EmbeddedDatabase";
    }
}
