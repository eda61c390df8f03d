package dispatch.common.persistence;

import static dispatch.support.Newsroom.article;
import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Public reads on a real streaming replica: answered by the replica while it is current, by the
 * primary while it has not replayed a change this instance has purged. Replay is paused on the
 * replica to hold it behind.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.WithReplica.class)
class ReadReplicaTest extends ApiTest {

    @Inject
    ReadReplica replica;

    @ConfigProperty(name = "news.replica.url")
    String replicaUrl;

    @Test
    void publicReadsAreAnsweredByTheReplicaWhileItIsCurrent() throws Exception {
        awaitReplicaCurrent();
        long before = replica.replicaReads();
        given().get("/api/v1/articles?limit=7").then().statusCode(200);
        assertTrue(replica.replicaReads() > before, "uncached public reads go to a current replica");
    }

    @Test
    void anUnpublishTheReplicaHasNotReplayedIsReadFromThePrimary() throws Exception {
        String[] a = published();
        given().get("/api/v1/articles/" + a[1]).then().statusCode(200);
        awaitReplicaCurrent();
        onReplica("select pg_wal_replay_pause()");
        try {
            as("editor").contentType("application/json").post("/api/v1/admin/articles/" + a[0] + "/unpublish").then().statusCode(200);
            long fromPrimary = replica.primaryReads();

            given().get("/api/v1/articles/" + a[1]).then().statusCode(404);
            given().get("/api/v1/articles?limit=100").then().statusCode(200).body("items.slug", not(hasItem(a[1])));

            assertEquals("published", statusOnReplica(a[0]), "the replica is behind: it still has the article published");
            assertTrue(replica.primaryReads() > fromPrimary, "reads went to the primary while the replica was behind");
        } finally {
            onReplica("select pg_wal_replay_resume()");
        }
        awaitReplicaCurrent();
        assertEquals("unpublished", statusOnReplica(a[0]));
        long before = replica.replicaReads();
        given().get("/api/v1/articles/" + a[1]).then().statusCode(404);
        assertTrue(replica.replicaReads() > before, "once it has replayed the change, the replica answers again");
    }

    @Test
    void editorialReadsStayOnThePrimary() throws Exception {
        awaitReplicaCurrent();
        long replicaBefore = replica.replicaReads();
        long primaryBefore = replica.primaryReads();
        as("editor").get("/api/v1/admin/articles?limit=5").then().statusCode(200);
        assertEquals(replicaBefore, replica.replicaReads());
        assertEquals(primaryBefore, replica.primaryReads(), "not counted as a public read either");
    }

    private static String[] published() {
        var body = article("Replicated " + TestContent.unique("r"));
        body.put("section", "news");
        var created = as("editor").contentType("application/json").body(body).post("/api/v1/admin/articles");
        String id = created.path("id");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        return new String[] {id, created.path("slug")};
    }

    private void awaitReplicaCurrent() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!replica.current() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(replica.current(), "the replica catches up");
    }

    private String statusOnReplica(String id) throws SQLException {
        try (Connection c = DriverManager.getConnection(replicaUrl, EmbeddedDatabase.USER, "");
                PreparedStatement st = c.prepareStatement("select status from articles where id = ?::uuid")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void onReplica(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(replicaUrl, EmbeddedDatabase.USER, "")) {
            c.createStatement().execute(sql);
        }
    }

    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StreamingReplica.class));
        }
    }
}
