package dispatch.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dispatch.common.NewsConfig;
import dispatch.common.persistence.DatabaseNotifications;
import dispatch.common.text.Digests;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Per-client request limits in fixed one-minute windows: anonymous readers by address, partners by
 * API key (with their tier's limit), staff by account. Every response carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}; past the limit the answer is a 429 problem
 * with {@code Retry-After}.
 *
 * <p>A request answered from the response cache costs one unit; one that reaches the application
 * costs {@code news.rate-limit.application-cost} (see {@link ApplicationCost}). A key or token
 * only gets its own bucket once it has been verified on an earlier request, so nobody can spend
 * someone else's allowance by presenting a forged credential: until then, the request counts
 * against its address.
 *
 * <p>Counts are kept in memory and shared through PostgreSQL: once a second each instance adds what
 * it counted to the unlogged {@code rate_limit_window} table and learns the totals of all instances.
 * A client spread over several instances may so overshoot by at most one second of traffic. If the
 * database is unreachable, each instance goes on limiting with what it knows.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String WINDOW = "dispatch.rateLimitWindow";

    /** One client's minute: what this instance counted, what it has already shared, what the others counted. */
    static final class Window {
        final long minute;
        final int limit;
        final AtomicInteger local = new AtomicInteger();
        final AtomicInteger shared = new AtomicInteger();
        volatile int others;

        Window(long minute, int limit) {
            this.minute = minute;
            this.limit = limit;
        }

        int used() {
            return others + local.get();
        }
    }

    private final NewsConfig.RateLimit config;
    private final DataSource dataSource;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** Credential digest → [bucket, limit], for credentials verified on an earlier request. */
    private final Cache<String, String[]> verified = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

    RateLimiter(NewsConfig config, DataSource dataSource) {
        this.config = config.rateLimit();
        this.dataSource = dataSource;
    }

    void register(@Observes Filters filters) {
        if (config.enabled()) {
            filters.register(this::limit, 950);
        }
    }

    private void limit(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.path().startsWith("/q/")) {
            rc.next();
            return;
        }
        String[] client = client(request);
        long now = System.currentTimeMillis();
        long minute = now / 60_000;
        int limit = Integer.parseInt(client[1]);
        Window window = windows.compute(client[0], (k, w) -> w == null || w.minute != minute ? new Window(minute, limit) : w);
        window.local.incrementAndGet();
        rc.put(WINDOW, window);
        long reset = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
        rc.response().headers().set("RateLimit-Limit", Integer.toString(limit))
                .set("RateLimit-Remaining", Integer.toString(Math.max(0, limit - window.used())))
                .set("RateLimit-Reset", Long.toString(reset));
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> e.getValue().minute != minute);
        }
        if (window.used() > limit) {
            ProblemMappers.end(rc, 429, "TOO_MANY_REQUESTS", "Too Many Requests",
                    "The limit of " + limit + " per minute is spent; try again in " + reset + " seconds", Map.of("Retry-After", Long.toString(reset)));
            return;
        }
        rc.next();
    }

    /** Charges the current request {@code units} more than the one it already cost, and updates its headers. */
    void charge(RoutingContext rc, int units) {
        Window window = rc.get(WINDOW);
        if (window != null && units > 0) {
            window.local.addAndGet(units);
            rc.response().headers().set("RateLimit-Remaining", Integer.toString(Math.max(0, window.limit - window.used())));
        }
    }

    /** Remembers an API key once it has been verified, so that its next requests count against its own bucket and tier. */
    public void verifiedKey(String presented, String keyPrefix, String tier) {
        int limit = switch (tier) {
            case "unlimited" -> Integer.MAX_VALUE;
            case "premium" -> config.partnerPremium();
            default -> config.partner();
        };
        verified.put(Digests.sha256Hex(presented), new String[] {"key:" + keyPrefix, Integer.toString(limit)});
    }

    /**
     * A credential was revoked, on whichever instance: the requests still presenting it lose its
     * bucket and tier here at once (and are refused where they are authenticated).
     */
    void onNotification(@Observes DatabaseNotifications.Notification notification) {
        if (DatabaseNotifications.ACCESS.equals(notification.channel())) {
            String bucket = notification.payload();
            verified.asMap().values().removeIf(known -> known[0].equals(bucket));
        }
    }

    /** Revocations sent while the listener was down are lost: every credential is verified afresh. */
    void onReconnect(@Observes DatabaseNotifications.Reconnected reconnected) {
        verified.invalidateAll();
    }

    /** Remembers a bearer token once it has been verified, so that its next requests count against its account. */
    public void verifiedToken(String rawToken, String subject) {
        verified.put(Digests.sha256Hex(rawToken), new String[] {"user:" + subject, Integer.toString(config.staff())});
    }

    /** [bucket, limit]: the verified API key, the verified account, or else the client address. */
    private String[] client(HttpServerRequest request) {
        String key = request.getHeader("X-API-Key");
        String authorization = request.getHeader("Authorization");
        String credential = key != null ? key
                : authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
        if (credential != null) {
            String[] known = verified.getIfPresent(Digests.sha256Hex(credential));
            if (known != null) {
                return known;
            }
        }
        return new String[] {"addr:" + request.remoteAddress().hostAddress(), Integer.toString(config.anonymous())};
    }

    /** Shares this instance's counts of the current minute and learns everyone's totals. */
    @Scheduled(every = "${news.rate-limit.sync-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void share() {
        if (!config.enabled() || windows.isEmpty()) {
            return;
        }
        long minute = System.currentTimeMillis() / 60_000;
        List<String> buckets = new ArrayList<>();
        List<Integer> deltas = new ArrayList<>();
        List<Window> pending = new ArrayList<>();
        windows.forEach((bucket, window) -> {
            int delta = window.local.get() - window.shared.get();
            if (window.minute == minute && delta > 0) {
                buckets.add(bucket);
                deltas.add(delta);
                pending.add(window);
            }
        });
        windows.entrySet().removeIf(e -> e.getValue().minute < minute);
        if (buckets.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        insert into rate_limit_window (bucket, minute, hits)
                        select bucket, ?, hits from unnest(?::text[], ?::int[]) as t(bucket, hits)
                        on conflict (bucket, minute) do update set hits = rate_limit_window.hits + excluded.hits
                        returning bucket, hits""")) {
            Array bucketArray = connection.createArrayOf("text", buckets.toArray());
            Array deltaArray = connection.createArrayOf("int4", deltas.toArray());
            upsert.setLong(1, minute);
            upsert.setArray(2, bucketArray);
            upsert.setArray(3, deltaArray);
            Map<String, Integer> totals = new java.util.HashMap<>();
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    totals.put(rows.getString(1), rows.getInt(2));
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                Window window = pending.get(i);
                int shared = window.shared.addAndGet(deltas.get(i));
                Integer total = totals.get(buckets.get(i));
                if (total != null) {
                    window.others = Math.max(0, total - shared);
                }
            }
            if (minute % 5 == 0) {
                try (PreparedStatement prune = connection.prepareStatement("delete from rate_limit_window where minute < ?")) {
                    prune.setLong(1, minute - 1);
                    prune.executeUpdate();
                }
            }
        } catch (SQLException e) {
            LOG.debugf("Rate-limit counts not shared this time: %s", e.getMessage());
        }
    }

    /** Charges requests that reach the application (were not answered from the response cache) their full cost. */
    @ApplicationScoped
    static class ApplicationCost {
        private final RateLimiter limiter;
        private final int extra;

        ApplicationCost(RateLimiter limiter, NewsConfig config) {
            this.limiter = limiter;
            this.extra = Math.max(0, config.rateLimit().applicationCost() - 1);
        }

        @org.jboss.resteasy.reactive.server.ServerRequestFilter
        void charge(RoutingContext rc) {
            limiter.charge(rc, extra);
        }
    }
}
