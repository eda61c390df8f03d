package dispatch.common.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Dispatch's own metrics at /q/metrics, beside the HTTP (per route), JVM and connection-pool ones:
 * the response cache, and the webhook outbox (how much waits, how old the oldest is, how much failed).
 */
@ApplicationScoped
class Metrics {

    private final MeterRegistry registry;
    private final ResponseCache cache;
    private final DataSource dataSource;

    Metrics(MeterRegistry registry, ResponseCache cache, DataSource dataSource) {
        this.registry = registry;
        this.cache = cache;
        this.dataSource = dataSource;
    }

    void register(@Observes StartupEvent event) {
        FunctionCounter.builder("dispatch.cache.hits", cache, ResponseCache::hits).description("Responses served from memory").register(registry);
        FunctionCounter.builder("dispatch.cache.misses", cache, ResponseCache::misses)
                .description("Responses not found in memory (rendered, or answered with a render in progress: coalesced)").register(registry);
        Gauge.builder("dispatch.cache.entries", cache, ResponseCache::size).description("Responses held").register(registry);
        Gauge.builder("dispatch.cache.bytes", cache, ResponseCache::bytes).baseUnit("bytes")
                .description("Heap the stored responses take (gzip bodies, inflated copies, headers and index), as weighed against news.http.cache-bytes")
                .register(registry);
        FunctionCounter.builder("dispatch.cache.coalesced", cache, ResponseCache::coalesced)
                .description("Misses answered with the render another request of the same URL had in progress").register(registry);
        FunctionCounter.builder("dispatch.cache.stale.served", cache, ResponseCache::staleServed)
                .description("Stale responses served while the database was unavailable").register(registry);
        Gauge.builder("dispatch.outbox.pending", this, m -> m.query("select count(*) from webhook_deliveries where status = 'pending'"))
                .description("Webhook deliveries waiting").register(registry);
        Gauge.builder("dispatch.outbox.lag.seconds", this, m -> m.query("select coalesce(extract(epoch from now() - min(e.occurred_at)), 0) "
                + "from webhook_deliveries d join events e on e.seq = d.event_seq where d.status = 'pending'"))
                .description("Age of the oldest undelivered webhook event").register(registry);
        Gauge.builder("dispatch.outbox.failed", this, m -> m.query("select count(*) from webhook_deliveries where status = 'failed'"))
                .description("Webhook deliveries given up").register(registry);
    }

    /** Latency histograms (not just averages) per route, so that alerts can use p99. */
    @jakarta.enterprise.inject.Produces
    @jakarta.inject.Singleton
    static MeterFilter requestHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().startsWith("http.server.requests")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true)
                            .minimumExpectedValue((double) java.time.Duration.ofMillis(1).toNanos())
                            .maximumExpectedValue((double) java.time.Duration.ofSeconds(30).toNanos()).build().merge(config);
                }
                return config;
            }
        };
    }

    private double query(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getDouble(1) : 0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
