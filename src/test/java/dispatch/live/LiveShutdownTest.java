package dispatch.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When an instance shuts down, its live readers are told to reconnect (to another instance) rather
 * than left hanging. Runs in an application of its own, since the hub stops for good.
 */
@QuarkusTest
@TestProfile(LiveShutdownTest.OwnApplication.class)
class LiveShutdownTest extends ApiTest {

    @Inject
    LiveHub hub;

    @Test
    void readersAreToldToReconnectWhenTheInstanceStops() throws Exception {
        String[] article = LiveTest.liveArticle();
        LiveTest.StreamReader reader = new LiveTest.StreamReader(article[1], null);

        hub.onShutdown(null);

        Map<String, String> event = reader.next();
        assertEquals("reconnect", event.get("event"));
        assertEquals("1000", event.get("retry"), "readers come back within a second, to whichever instance answers");
    }

    /** No different settings: a profile of its own is what gives the test an application of its own. */
    public static class OwnApplication implements QuarkusTestProfile {
    }
}
