package dispatch.articles;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.common.http.ResponseCache;
import dispatch.common.persistence.SqlReads;
import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Reading costs a small fixed number of SQL statements however much an article or page carries: no N+1. */
@QuarkusTest
class ArticleQueryCountTest extends ApiTest {

    @Inject
    TestContent content;

    @Inject
    ResponseCache cache;

    @Inject
    EntityManagerFactory emf;

    @Inject
    SqlReads reads;

    /** Statements of one uncached read: Hibernate's and the plain JDBC reads'. */
    private long statementsFor(String path) {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        given().get(path).then().statusCode(200); // warms the section tree
        cache.expireAll();
        stats.clear();
        long before = reads.executed();
        given().get(path).then().statusCode(200);
        return stats.getPrepareStatementCount() + reads.executed() - before;
    }

    private String articleWith(int tags, int authors, int related) {
        String section = TestContent.unique("sec");
        content.section(section, "news");
        var builder = content.article().inSection(section);
        for (int i = 0; i < tags; i++) {
            String tag = TestContent.unique("tag");
            content.tag(tag);
            builder.tagged(tag);
        }
        for (int i = 0; i < authors; i++) {
            String author = TestContent.unique("author");
            content.author(author);
            builder.by(author);
        }
        StringBuilder body = new StringBuilder("[{\"type\":\"paragraph\",\"text\":\"Intro.\"}");
        for (int i = 0; i < related; i++) {
            String target = content.article().publishedAgo(Duration.ofDays(i + 1)).tagged().save().slug;
            builder.relatedTo(target);
            body.append(",{\"type\":\"related\",\"slug\":\"").append(target).append("\"}");
        }
        return builder.body(body.append(']').toString()).save().slug;
    }

    @Test
    void articleDetailCostsTheSameStatementsWhateverItCarries() {
        long small = statementsFor("/api/v1/articles/" + articleWith(1, 1, 1));
        long large = statementsFor("/api/v1/articles/" + articleWith(12, 5, 8));

        assertEquals(small, large, "statements must not grow with tags, authors or related articles");
        // the article with its tags, authors, corrections and related articles; the articles its body links to
        assertEquals(2, large, "article detail took " + large + " statements");
    }

    /** A section of its own holding {@code n} articles, each with tags, authors and related articles. */
    private String sectionOfRichArticles(int n) {
        String section = TestContent.unique("sec");
        content.section(section, "news");
        java.util.UUID sectionId = content.sectionId(section);
        for (int i = 0; i < n; i++) {
            content.change(articleWith(2, 2, 2), article -> article.sectionId = sectionId);
        }
        return section;
    }

    @Test
    void listPageCostsTheSameStatementsWhateverItsSize() {
        long small = statementsFor("/api/v1/articles?limit=100&include=body,related&section=" + sectionOfRichArticles(1));
        long large = statementsFor("/api/v1/articles?limit=100&include=body,related&section=" + sectionOfRichArticles(12));

        assertEquals(small, large, "statements must not grow with the page size");
        // the page's rows with their tags and authors; their related articles; the articles their bodies link to
        assertEquals(3, large, "a list page took " + large + " statements");
    }

    @Test
    void relatedListCostsFixedStatements() {
        String slug = articleWith(3, 1, 3);
        long statements = statementsFor("/api/v1/articles/" + slug + "/related?limit=50");
        // the article, then its related articles with their tags and authors
        assertEquals(2, statements, "the related list took " + statements + " statements");
    }
}
