package dispatch.sync;

import static dispatch.support.Newsroom.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.common.http.CacheKeys;
import dispatch.support.ApiTest;
import dispatch.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The sending side of cross-instance purges: what another instance hears on its own LISTEN connection
 * when an editor acts here. The test listens like that instance would, on a connection of its own.
 */
@QuarkusTest
class CachePurgeBroadcastTest extends ApiTest {

    @Inject
    DataSource dataSource;

    /** Purge payloads heard within a few seconds, until one names {@code key}. */
    private static List<String> hear(Connection listener, String key) throws Exception {
        List<String> heard = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(500);
            if (received != null) {
                for (PGNotification n : received) {
                    heard.add(n.getParameter());
                    if (List.of(n.getParameter().split(" ")).contains(key)) {
                        return heard;
                    }
                }
            }
        }
        return heard;
    }

    private static String draft(String headline) {
        return as("editor").contentType("application/json").body(Newsroom.article(headline)).post("/api/v1/admin/articles")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void aPublicationIsBroadcastToEveryInstanceWithTheKeysItPurges() throws Exception {
        try (Connection listener = dataSource.getConnection(); Statement statement = listener.createStatement()) {
            statement.execute("LISTEN dispatch_cache");
            String id = draft("Broadcast");
            as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
            String key = CacheKeys.article(UUID.fromString(id));
            List<String> heard = hear(listener, key);
            assertTrue(heard.stream().anyMatch(p -> List.of(p.split(" ")).containsAll(List.of(key, CacheKeys.LATEST))),
                    "the purge of the publication, as another instance hears it: " + heard);
        }
    }

    @Test
    void aScheduleIsBroadcastSoEveryInstanceRereadsItsVisibilityClock() throws Exception {
        try (Connection listener = dataSource.getConnection(); Statement statement = listener.createStatement()) {
            statement.execute("LISTEN dispatch_cache");
            String id = draft("Scheduled broadcast");
            as("editor").contentType("application/json").body(Map.of("publishAt", Instant.now().plusSeconds(3600).toString()))
                    .post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
            List<String> heard = hear(listener, CacheKeys.CLOCK);
            assertTrue(heard.stream().anyMatch(p -> List.of(p.split(" ")).contains(CacheKeys.CLOCK)), "heard: " + heard);
        }
    }
}
