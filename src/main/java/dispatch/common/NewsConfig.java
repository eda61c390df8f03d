package dispatch.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Dispatch's own settings (prefix {@code news}); each can be set by its environment variable. */
@ConfigMapping(prefix = "news")
public interface NewsConfig {

    /** Canonical base URL of the reader-facing web site, used for articles' {@code links.web} (NEWS_SITE_URL). */
    @WithDefault("http://localhost:3000")
    String siteUrl();

    /** Public base URL of this API, used for {@code links.self} and {@code Link} headers (NEWS_API_URL). */
    @WithDefault("http://localhost:8080")
    String apiUrl();

    /**
     * Fill an empty database with demo content at start (NEWS_DEMO_DATA). Unset: on with the embedded
     * database and in dev mode, off with an external database.
     */
    Optional<Boolean> demoData();

    /** How many generated articles the demo content holds besides the sample article (NEWS_DEMO_ARTICLES). */
    @WithDefault("400")
    int demoArticles();

    /** The embedded PostgreSQL used when no datasource URL is configured. */
    EmbeddedDb embeddedDb();

    /** HTTP caching of public responses. */
    Http http();

    interface EmbeddedDb {
        /** Whether to start an embedded PostgreSQL when no datasource URL is configured. */
        @WithDefault("true")
        boolean enabled();

        /** Folder holding the embedded database's data; it survives restarts. */
        @WithDefault(".dispatch/pgdata")
        String dir();

        /** Wipe the data folder at start (tests). */
        @WithDefault("false")
        boolean clean();

        /** Set by the embedded database itself when it is the datasource in use. */
        @WithDefault("false")
        boolean active();
    }

    interface Http {
        /** {@code max-age} in seconds of public responses. */
        @WithDefault("60")
        int maxAge();

        /** {@code s-maxage} in seconds (shared caches, CDNs). */
        @WithDefault("60")
        int sMaxAge();

        /** {@code stale-while-revalidate} in seconds. */
        @WithDefault("30")
        int staleWhileRevalidate();

        /** {@code stale-if-error} in seconds. */
        @WithDefault("86400")
        int staleIfError();
    }
}
