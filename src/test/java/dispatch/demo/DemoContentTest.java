package dispatch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.articles.ArticleRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoContentTest {

    @Inject
    DemoContent demo;

    @Inject
    ArticleRepository articles;

    @Inject
    DataSource dataSource;

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

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
