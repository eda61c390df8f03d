package dispatch.sync;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    @Test
    void privateLoopbackAndReservedTargetsAreRefusedByDefault() {
        for (String url : new String[] {"http://127.0.0.1/hook", "http://localhost:8080/x", "http://10.1.2.3/", "http://192.168.1.1/",
            "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00::1]/", "http://100.64.0.1/",
            "http://0.0.0.0/"}) {
            assertTrue(WebhookTargets.refusal(url, false).isPresent(), url);
        }
    }

    @Test
    void onlyHttpUrlsWithAHostAndNoCredentials() {
        assertTrue(WebhookTargets.refusal("ftp://example.com/", true).isPresent());
        assertTrue(WebhookTargets.refusal("javascript:alert(1)", true).isPresent());
        assertTrue(WebhookTargets.refusal("http://user:pw@example.com/", true).isPresent());
        assertFalse(WebhookTargets.refusal("http://127.0.0.1:9000/hook", true).isPresent());
    }

    @Test
    void publicAddressesAreAllowed() throws Exception {
        assertFalse(WebhookTargets.isSpecial(InetAddress.getByName("93.184.216.34")));
        assertFalse(WebhookTargets.isSpecial(InetAddress.getByName("2606:2800:220:1::1")));
    }
}
