package dispatch.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** Dispatch's own settings (prefix {@code news}); each can be set by its environment variable. */
@ConfigMapping(prefix = "news")
public interface NewsConfig {

    /** Canonical base URL of the reader-facing web site, used for articles' {@code links.web} (NEWS_SITE_URL). */
    @WithDefault("http://localhost:3000")
    String siteUrl();

    /** The publication's name: feed titles, news sitemaps, social cards, oEmbed (NEWS_SITE_NAME). */
    @WithDefault("Dispatch")
    String siteName();

    /**
     * The publisher's logo in JSON-LD (NEWS_SITE_LOGO_URL): a PNG or JPEG at most 600x60 for Google. Unset:
     * {@code {site-url}/logo.png}, which the front end serves.
     */
    Optional<String> siteLogoUrl();

    /**
     * Where search engines fetch the sitemaps (NEWS_SITEMAP_URL): the sitemap index lists
     * {@code {sitemap-url}/sitemap-news.xml} and {@code {sitemap-url}/sitemaps/...}. Sitemaps may only list
     * pages on their own host, so this is the site's host, whose front end passes those paths to the API.
     * Unset: the site URL.
     */
    Optional<String> sitemapUrl();

    /** Feeds. */
    Feeds feeds();

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

    /** Editorial authentication. */
    Auth auth();

    /** Preview links of unpublished articles. */
    Preview preview();

    /** Reader comments. */
    Comments comments();

    /** Purging a CDN when content changes. */
    Cdn cdn();

    /** Request limits per client and minute. */
    RateLimit rateLimit();

    /** Outgoing webhooks. */
    Webhooks webhooks();

    /** Locally generated signing keys and preview secret (dev, test, embedded database). */
    LocalSecrets localSecrets();

    /** Background jobs. */
    Scheduler scheduler();

    /** A streaming read replica for public reads (docs/scaling.md). */
    Replica replica();

    /** Username of an admin account created at start if it does not exist (NEWS_ADMIN_USERNAME). */
    Optional<String> adminUsername();

    /** Password of that admin account (NEWS_ADMIN_PASSWORD); only read from the environment in production. */
    Optional<String> adminPassword();

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

    interface Auth {
        /** The {@code iss} of issued tokens; also what incoming tokens must carry. */
        @WithDefault("dispatch")
        String issuer();

        /** The {@code aud} of issued tokens; also what incoming tokens must carry. */
        @WithDefault("dispatch-editorial")
        String audience();

        /** How long an access token lives. */
        @WithDefault("PT1H")
        java.time.Duration tokenLifespan();

        /** Failed logins allowed per username within {@link #failureWindow()} before further attempts are refused. */
        @WithDefault("5")
        int failuresPerUsername();

        /** Failed logins allowed per client address within {@link #failureWindow()}. */
        @WithDefault("20")
        int failuresPerAddress();

        /** The window over which failed logins are counted. */
        @WithDefault("PT15M")
        java.time.Duration failureWindow();
    }

    interface Preview {
        /** HMAC key of preview links (NEWS_PREVIEW_SECRET); generated locally, required in production. */
        Optional<String> secret();

        /** How long a preview link works. */
        @WithDefault("PT24H")
        java.time.Duration lifespan();
    }

    interface Feeds {
        /** Who the podcast feed names as its author and owner. */
        @WithDefault("Dispatch")
        String podcastAuthor();

        /** The podcast owner's contact address (podcast directories require one). */
        @WithDefault("podcasts@example.com")
        String podcastEmail();

        /** Square artwork of the podcast (1400-3000 px), an absolute URL. */
        @WithDefault("https://media.dispatch.example/podcast-artwork.jpg")
        String podcastImage();

        /** The podcast's Apple Podcasts category. */
        @WithDefault("News")
        String podcastCategory();
    }

    interface Comments {
        /** Comments one client may submit within {@link #rateWindow()}; more are refused with 429. */
        @WithDefault("5")
        int rateLimit();

        /** The window of the submission rate limit. */
        @WithDefault("PT10M")
        java.time.Duration rateWindow();

        /** Words or link fragments (case-insensitive) that send a comment straight to spam (NEWS_COMMENTS_BLOCKED_WORDS, comma-separated). */
        Optional<java.util.List<String>> blockedWords();

        /** Approve comments from signed-in staff (any newsroom role) at once. */
        @WithDefault("false")
        boolean autoApproveStaff();
    }

    interface RateLimit {
        /** Whether requests are limited at all (NEWS_RATE_LIMIT_ENABLED; benchmarks turn it off). */
        @WithDefault("true")
        boolean enabled();

        /** Requests per minute of one anonymous client address. */
        @WithDefault("1200")
        int anonymous();

        /** Requests per minute of one partner key of the standard tier. */
        @WithDefault("6000")
        int partner();

        /** Requests per minute of one partner key of the premium tier ({@code unlimited} keys are not limited). */
        @WithDefault("60000")
        int partnerPremium();

        /** Requests per minute of one newsroom account. */
        @WithDefault("3000")
        int staff();

        /**
         * Units a request costs when the application has to build its answer; one answered from the
         * response cache costs one (NEWS_RATE_LIMIT_APPLICATION_COST).
         */
        @WithDefault("3")
        int applicationCost();
    }

    interface Cdn {
        /**
         * URL called with the surrogate keys of every change, e.g. Fastly's
         * {@code https://api.fastly.com/service/<id>/purge} or Cloudflare's
         * {@code https://api.cloudflare.com/client/v4/zones/<zone>/purge_cache} (NEWS_CDN_PURGE_URL).
         */
        Optional<String> purgeUrl();

        /** {@code fastly} (POST with a Surrogate-Key header) or {@code cloudflare} (POST {"tags": [...]}). */
        @WithDefault("fastly")
        String purgeStyle();

        /** The API token of the purge endpoint (NEWS_CDN_PURGE_TOKEN). */
        Optional<String> purgeToken();
    }

    interface Webhooks {
        /** Allow webhook URLs that resolve to loopback or private addresses (NEWS_WEBHOOKS_ALLOW_PRIVATE_TARGETS); never in production. */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How often due deliveries are looked for. */
        @WithDefault("1s")
        String poll();

        /** The wait after a first failed attempt; it doubles with each further failure. */
        @WithDefault("PT10S")
        java.time.Duration retryBase();

        /** The longest wait between two attempts. */
        @WithDefault("PT1H")
        java.time.Duration retryMax();

        /** Attempts before a delivery is given up as failed (it can still be redelivered by hand). */
        @WithDefault("12")
        int maxAttempts();

        /** Connect and response timeout of one attempt. */
        @WithDefault("PT5S")
        java.time.Duration timeout();
    }

    interface LocalSecrets {
        /** Folder of the generated JWT key pair and preview secret. */
        @WithDefault(".dispatch/secrets")
        String dir();
    }

    interface Replica {
        /**
         * JDBC URL of a streaming (physical) replica of the primary. Unset: every read goes to the primary
         * (NEWS_REPLICA_URL).
         */
        Optional<String> url();

        /** Its user; unset: the primary datasource's (NEWS_REPLICA_USERNAME). */
        Optional<String> username();

        /** Its password; unset: the primary datasource's (NEWS_REPLICA_PASSWORD). */
        Optional<String> password();

        /** Connections to the replica, beside the primary's pool. */
        @WithDefault("16")
        int maxSize();

        /** How often the replica's replay position (and, after a change, the primary's) is read. */
        @WithDefault("PT0.1S")
        java.time.Duration pollInterval();
    }

    interface Scheduler {
        /** How often scheduled articles whose time has come are marked published (readers see them on time regardless). */
        @WithDefault("30s")
        String every();
    }

    interface Http {
        /**
         * {@code Cache-Control} of public responses by kind of resource (article, list, feed, sitemap,
         * taxonomy, comments, live, default), e.g. {@code news.http.cache-control.article}.
         */
        Map<String, String> cacheControl();

        /** Memory the in-process response cache may use, in bytes. */
        @WithDefault("67108864")
        long cacheBytes();

        /** How long a stored response may be served at most (changes invalidate it earlier). */
        @WithDefault("300")
        int cacheSeconds();

        /**
         * Origins whose pages may call the editorial, authentication and preview endpoints from a
         * browser (NEWS_HTTP_EDITORIAL_ORIGINS, comma-separated; {@code *} for any). Public reads are
         * open to every origin whatever this says.
         */
        @WithDefault("*")
        java.util.List<String> editorialOrigins();
    }
}
