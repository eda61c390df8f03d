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
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;

/**
 * Writes the demo content (the sample article of shared/examples and its neighbours, then generated
 * articles) in one transaction, only into a database without articles. A PostgreSQL advisory lock
 * makes concurrent starts of several instances load it once.
 */
@ApplicationScoped
class DemoContent {

    private static final long LOCK_KEY = 0x44_69_73_70_61_74_63_68L; // "Dispatch"

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
            }
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                lock.execute();
            }
            if (hasArticles(connection)) {
                return;
            }
            DemoWriter writer = new DemoWriter(json);
            writer.addDocument(sample());
            new DemoGenerator(writer, 20231122L, Instant.now()).generate(generatedArticles, () -> {
                try {
                    writer.flush(connection);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            written.set(writer.flush(connection));
            writer.finish(connection);
            try (var analyze = connection.createStatement()) {
                // fresh planner statistics: without them the first minutes after a bulk load plan blind
                analyze.execute("analyze");
            }
        });
        sections.invalidate();
        return written.get();
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
