package dispatch.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void ipv6FormsThatCarryAPrivateIpv4AreRefused() {
        for (String url : new String[] {"http://[::127.0.0.1]/", "http://[::ffff:0:7f00:1]/", "http://[64:ff9b::7f00:1]/",
            "http://[2002:7f00:1::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://[64:ff9b::a00:1]/",
            "http://[2002:c0a8:101::1]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[2001:db8::1]/",
            "http://[64:ff9b:1::1]/", "http://[100::1]/", "http://[fec0::1]/", "http://[fe80::1]/", "http://[::]/"}) {
            assertTrue(WebhookTargets.refusal(url, false).isPresent(), url);
        }
        assertFalse(WebhookTargets.refusal("http://[64:ff9b::5db8:d822]/", false).isPresent(), "NAT64 of a public address");
        assertFalse(WebhookTargets.refusal("http://[2002:5db8:d822::1]/", false).isPresent(), "6to4 of a public address");
    }

    @Test
    void theHostIsResolvedOnceAndTheCheckedAddressIsTheOneConnectedTo() throws Exception {
        InetAddress checked = InetAddress.getByName("93.184.216.34");
        InetAddress internal = InetAddress.getByName("127.0.0.1");
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        // a name whose second answer points inside (DNS rebinding)
        WebhookTargets.Resolver rebinding = host -> new InetAddress[] {lookups.getAndIncrement() == 0 ? checked : internal};
        WebhookTargets.Resolution resolution = WebhookTargets.resolve("https://partner.example/hook", false, rebinding);
        assertEquals(null, resolution.refusal());
        assertEquals(checked, resolution.target().address());
        assertEquals(1, lookups.get());
        // and a name with one internal address among public ones is refused
        WebhookTargets.Resolver mixed = host -> new InetAddress[] {checked, internal};
        assertTrue(WebhookTargets.resolve("https://partner.example/hook", false, mixed).refusal().contains("127.0.0.1"));
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
