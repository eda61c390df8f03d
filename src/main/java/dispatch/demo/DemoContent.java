package dispatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.sections.SectionTree;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Writes the demo content (the sample article of {@code demo/sample-article.json} and its neighbours, then generated
 * articles) in one transaction, only into a database without articles. A PostgreSQL advisory lock
 * makes concurrent starts of several instances load it once.
 */
@ApplicationScoped
class DemoContent {

    private static final long LOCK_KEY = 0x44_69_73_70_61_74_63_68L; // "Dispatch"
    /** The tables the archive fills in bulk (the taxonomy's are small), whose indexes are built after the load. */
    private static final List<String> BULK_TABLES = List.of("images", "articles", "article_tags", "article_authors", "article_related",
            "comments", "events");
    private static final Logger LOG = Logger.getLogger(DemoContent.class);

    /** What {@link #write} did: how many articles, and how long it spent writing and waiting for the generator. */
    private record Written(int articles, long writingNanos, long waitingNanos) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final SectionTree sections;

    DemoContent(EntityManager em, ObjectMapper json, SectionTree sections) {
        this.em = em;
        this.json = json;
        this.sections = sections;
    }

    /** Loads the demo content if there is no article yet; returns how many articles were written. */
    @Transactional
    @io.quarkus.narayana.jta.runtime.TransactionConfiguration(timeout = 3600) // a million articles take ~25 min on 2 slow cores
    int loadIfEmpty(int generatedArticles) {
        AtomicInteger written = new AtomicInteger();
        em.unwrap(Session.class).doWork(connection -> {
            try (var noTimeout = connection.createStatement()) {
                noTimeout.execute("set local statement_timeout = 0"); // a large archive takes a while to write
                noTimeout.execute("set local lock_timeout = 0"); // and another instance starting meanwhile waits for it
            }
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            written.set(loadIfEmpty(connection, generatedArticles));
        });
        sections.invalidate();
        return written.get();
    }

    /**
     * The load in the caller's transaction, which holds the advisory lock: nothing if there are
     * articles; otherwise the archive, with the bulk tables' secondary indexes and foreign keys made
     * after its rows, the change log and fresh planner statistics.
     */
    int loadIfEmpty(Connection connection, int generatedArticles) throws SQLException {
        if (hasArticles(connection)) {
            return 0;
        }
        DeferredIndexes deferred = DeferredIndexes.drop(connection, BULK_TABLES);
        Written load = write(connection, generatedArticles);
        long changeLogStarted = System.nanoTime();
        DemoWriter.recordEvents(connection); // after the last chunk: the change log of what was written
        long indexesStarted = System.nanoTime();
        deferred.restore(connection);
        long statisticsStarted = System.nanoTime();
        try (var analyze = connection.createStatement()) {
            // fresh planner statistics: without them the first minutes after a bulk load plan blind
            analyze.execute("analyze");
        }
        LOG.infof("Demo content: %d articles written in %d ms (%d ms of it waiting for the generator), change log in %d ms, "
                + "%d indexes and foreign keys made in %d ms, statistics in %d ms", load.articles(), millis(load.writingNanos()),
                millis(load.waitingNanos()), millis(indexesStarted - changeLogStarted), deferred.size(),
                millis(statisticsStarted - indexesStarted), millis(System.nanoTime() - statisticsStarted));
        return load.articles();
    }

    /**
     * Generates the archive on a thread of its own while this one writes what it has encoded so far:
     * PostgreSQL's backend works through one chunk while the next is generated on the other core.
     */
    private Written write(Connection connection, int generatedArticles) throws SQLException {
        DemoWriter writer = new DemoWriter();
        BlockingQueue<List<Copy>> chunks = new ArrayBlockingQueue<>(1);
        List<Copy> end = new ArrayList<>(0); // compared by identity
        ExecutorService generating = Executors.newSingleThreadExecutor(r -> new Thread(r, "demo-generator"));
        try {
            Future<?> generated = generating.submit(() -> {
                writer.addDocument(sample());
                new DemoGenerator(writer, 20231122L, Instant.now()).generate(generatedArticles, () -> put(chunks, writer.encode()));
                put(chunks, writer.encode());
                put(chunks, end);
                return null;
            });
            long started = System.nanoTime();
            long waiting = 0;
            for (List<Copy> chunk;;) {
                long polled = System.nanoTime();
                chunk = chunks.poll(1, TimeUnit.SECONDS);
                waiting += System.nanoTime() - polled;
                if (chunk == end) {
                    break;
                }
                if (chunk != null) {
                    DemoWriter.write(connection, chunk);
                } else if (generated.isDone()) {
                    generated.get(); // rethrows what stopped the generator; if it ended well, the end marker is queued
                }
            }
            return new Written(writer.articlesEncoded(), System.nanoTime() - started, waiting);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading demo content", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating demo content failed", e.getCause());
        } finally {
            generating.shutdownNow();
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void put(BlockingQueue<List<Copy>> chunks, List<Copy> chunk) {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo content writer stopped", e);
        }
    }

    private static boolean hasArticles(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select exists (select 1 from articles)");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private JsonNode sample() {
        try (InputStream in = DemoContent.class.getResourceAsStream("/demo/sample-article.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
