package dispatch.common.persistence;

import dispatch.common.NewsConfig;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the reads behind public representations to a streaming replica ({@code news.replica.url}) while,
 * and only while, the replica has replayed every change this instance has heard of.
 *
 * <p>A change reaches this instance as a purge of its response cache: at commit for its own changes,
 * through {@code NOTIFY dispatch_cache} for other instances'. Each purge counts as a change; a poller
 * reads the primary's WAL insert position after the changes it has seen (so that position is at or past
 * their commit records, even those committed asynchronously and not yet written) and the replica's replay
 * position, every {@code news.replica.poll-interval}. A read goes to
 * the replica only when every change seen is covered by a primary position the replica has replayed;
 * otherwise, and whenever the replica cannot be reached, it goes to the primary. A lagging replica
 * therefore costs primary load, never a stale page put back into the caches after a purge.
 *
 * <p>Only renders of public representations ({@link #publicRead}) outside a transaction use it: editorial
 * reads, writes and everything inside a transaction stay on the primary.
 */
@ApplicationScoped
public class ReadReplica {

    private static final Logger LOG = Logger.getLogger(ReadReplica.class);
    private static final ThreadLocal<Boolean> PUBLIC_READ = new ThreadLocal<>();

    private final NewsConfig.Replica config;
    private final DataSource primary;
    private final MeterRegistry registry;
    private final String primaryUser;
    private final String primaryPassword;
    private final String options;

    private final AtomicLong changes = new AtomicLong(1); // the first poll reads the primary's position
    private volatile long coveredChanges;
    private volatile long required = Long.MAX_VALUE;
    private volatile long replayed = -1;
    private final LongAdder replicaReads = new LongAdder();
    private final LongAdder primaryReads = new LongAdder();
    private volatile boolean warned;

    private volatile AgroalDataSource pool;
    private ScheduledExecutorService poller;

    ReadReplica(NewsConfig config, DataSource primary, MeterRegistry registry, @ConfigProperty(name = "quarkus.datasource.username") Optional<String> primaryUser,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> primaryPassword,
            @ConfigProperty(name = "quarkus.datasource.jdbc.additional-jdbc-properties.options") Optional<String> options) {
        this.config = config.replica();
        this.primary = primary;
        this.registry = registry;
        this.primaryUser = primaryUser.orElse(null);
        this.primaryPassword = primaryPassword.orElse("");
        this.options = options.orElse(null);
    }

    void start(@Observes StartupEvent event) throws SQLException {
        if (config.url().isEmpty() || config.url().get().isBlank()) {
            return;
        }
        String user = config.username().orElse(primaryUser);
        String password = config.password().orElse(primaryPassword);
        pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool
                .maxSize(config.maxSize()).minSize(0).acquisitionTimeout(Duration.ofSeconds(1)).validationTimeout(Duration.ofSeconds(10))
                .connectionFactoryConfiguration(factory -> {
                    factory.jdbcUrl(config.url().get()).connectionProviderClass(org.postgresql.Driver.class)
                            .jdbcProperty("connectTimeout", "3").jdbcProperty("tcpKeepAlive", "true");
                    if (options != null) {
                        factory.jdbcProperty("options", options);
                    }
                    if (user != null) {
                        factory.principal(new NamePrincipal(user)).credential(new SimplePassword(password));
                    }
                    return factory;
                })));
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replica-position");
            thread.setDaemon(true);
            return thread;
        });
        FunctionCounter.builder("dispatch.replica.reads", this, ReadReplica::replicaReads).tag("target", "replica")
                .description("Public reads answered by the read replica").register(registry);
        FunctionCounter.builder("dispatch.replica.reads", this, ReadReplica::primaryReads).tag("target", "primary")
                .description("Public reads sent to the primary because the replica had not replayed a change yet or failed")
                .register(registry);
        Gauge.builder("dispatch.replica.lag.bytes", this, ReadReplica::lagBytes)
                .description("WAL the replica has still to replay to reach the last primary position read (-1: unknown or unreachable)")
                .register(registry);
        long every = config.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
        LOG.infof("Public reads may use the replica at %s (positions read every %d ms)", where(), every);
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
        if (pool != null) {
            pool.close();
        }
    }

    /** Runs the render of a public representation: its statements outside a transaction may use the replica. */
    public static <T> T publicRead(Supplier<T> render) {
        Boolean outer = PUBLIC_READ.get();
        PUBLIC_READ.set(Boolean.TRUE);
        try {
            return render.get();
        } finally {
            if (outer == null) {
                PUBLIC_READ.remove();
            }
        }
    }

    /** A change was committed (by this instance or, as its purge says, by another): reads wait until the replica has it. */
    public void changed() {
        changes.incrementAndGet();
    }

    /** The replica's pool when this read may use it; null when it must go to the primary. */
    DataSource forThisRead() {
        if (pool == null || PUBLIC_READ.get() == null) {
            return null;
        }
        if (!current()) {
            primaryReads.increment();
            return null;
        }
        replicaReads.increment();
        return pool;
    }

    /** Whether the replica has replayed every change this instance has heard of (so public reads may use it). */
    public boolean current() {
        return pool != null && coveredChanges == changes.get() && replayed >= required;
    }

    /** The replica could not answer (connection, recovery conflict): this read goes to the primary instead. */
    void failed(SQLException e) {
        replayed = -1; // until the next poll finds it again
        replicaReads.decrement();
        primaryReads.increment();
        LOG.warnf("Replica read failed, answered from the primary: %s", e.getMessage());
    }

    /** Whether a failed replica read may be answered by the primary: the replica's trouble, not the statement's. */
    static boolean isReplicaTrouble(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("57P") || state.equals("40001");
    }

    void poll() {
        String problem;
        try {
            long seen = changes.get();
            if (seen != coveredChanges) {
                long position = position(primary, "select pg_current_wal_insert_lsn() - '0/0'::pg_lsn");
                required = required == Long.MAX_VALUE ? position : Math.max(required, position);
                coveredChanges = seen;
            }
            long replay = position(pool, "select pg_last_wal_replay_lsn() - '0/0'::pg_lsn");
            replayed = replay;
            problem = replay < 0 ? where() + " is not a standby (it has no replay position)" : null;
        } catch (SQLException | RuntimeException e) {
            replayed = -1;
            problem = e.getMessage();
        }
        if (problem != null && !warned) {
            LOG.warnf("Public reads stay on the primary: %s", problem);
        }
        warned = problem != null;
    }

    /** The replica's URL without its parameters (which may hold a password), for logs. */
    private String where() {
        String url = config.url().orElse("");
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static long position(DataSource source, String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? -1 : value;
        }
    }

    public boolean configured() {
        return pool != null;
    }

    /** Public reads answered by the replica so far. */
    public long replicaReads() {
        return replicaReads.sum();
    }

    /** Public reads sent to the primary because the replica had not replayed a change yet (or failed). */
    public long primaryReads() {
        return primaryReads.sum();
    }

    /** Bytes of WAL the replica still has to replay to reach the last position read from the primary; -1 when unknown or unreachable. */
    public long lagBytes() {
        long replay = replayed;
        long need = required;
        return replay < 0 || need == Long.MAX_VALUE ? -1 : Math.max(0, need - replay);
    }
}
