package dispatch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.articles.ArticleRepository;
import dispatch.sections.SectionTree;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoContentTest {

    @Inject
    DemoContent demo;

    @Inject
    ArticleRepository articles;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManager em;

    @Inject
    SectionTree sections;

    @Test
    void loadingTwiceWritesNothingTheSecondTime() {
        long before = articles.countAll();
        assertEquals(0, demo.loadIfEmpty(50));
        assertEquals(before, articles.countAll());
    }

    @Test
    void demoArticlesCountTheirReaderCommentsAndNoCommentIsDatedAfterNow() throws SQLException {
        assertTrue(count("select count(*) from comments where client_hash = 'demo'") > 20, "the demo archive has reader comments");
        assertTrue(count("select count(distinct article_id) from comments where client_hash = 'demo'") > 5);
        assertEquals(0, count("select count(*) from articles a where a.comment_count <> (select count(*) from comments c "
                + "where c.article_id = a.id and c.status = 'approved' and c.deleted_at is null)"));
        assertEquals(0, count("select count(*) from comments c join articles a on a.id = c.article_id where c.client_hash = 'demo' "
                + "and (c.created_at > now() or c.created_at < a.published_at or a.status <> 'published')"));
    }

    @Test
    void aLoadIntoAnEmptyDatabaseLeavesEveryIndexAndConstraintAsTheMigrationsMadeThem() {
        List<String> migrated = schema();
        assertTrue(migrated.stream().anyMatch(d -> d.startsWith("articles: CREATE INDEX articles_search_idx ON public.articles USING gin")),
                "the schema as read lists the secondary indexes");
        assertTrue(migrated.stream().anyMatch(d -> d.startsWith("article_tags: article_tags_article_id_fkey FOREIGN KEY (article_id)")),
                "and the foreign keys");
        QuarkusTransaction.begin();
        try {
            em.createNativeQuery("truncate sections, tags, authors, images, articles, events cascade").executeUpdate();
            int loaded = em.unwrap(Session.class).doReturningWork(connection -> demo.loadIfEmpty(connection, 30));
            assertEquals(32, loaded, "the sample document's two articles and the generated ones");
            assertEquals(migrated, schema());
        } finally {
            QuarkusTransaction.rollback(); // the test database keeps its archive
            sections.invalidate(); // no one read the rolled-back load's sections, but the tree is cheap to reload
        }
    }

    /** Every index and constraint of the schema, as PostgreSQL would write them. */
    @SuppressWarnings("unchecked")
    private List<String> schema() {
        return em.createNativeQuery("select c.relname || ': ' || pg_get_indexdef(i.indexrelid) from pg_index i "
                + "join pg_class c on c.oid = i.indrelid where c.relnamespace = 'public'::regnamespace "
                + "union all select conrelid::regclass || ': ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint "
                + "where connamespace = 'public'::regnamespace order by 1").getResultList();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
