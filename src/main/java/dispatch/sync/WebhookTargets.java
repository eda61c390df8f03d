package dispatch.sync;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs the server may call. Webhooks are the only user-controlled URLs it fetches, so targets
 * that resolve to loopback, private, link-local, multicast or other special addresses are refused
 * (no reaching into the internal network), at registration and again at each delivery. A delivery
 * resolves the host once, checks every address it got, and connects to the one it checked: a name
 * that resolves to a public address for the check and to an internal one a moment later (DNS
 * rebinding) never gets the second lookup.
 */
final class WebhookTargets {

    /** A URL that may be called, and the checked address to connect to (null when private targets are allowed). */
    record Target(URI uri, InetAddress address) {
    }

    /** A target, or why the URL may not be called. */
    record Resolution(Target target, String refusal) {
    }

    private WebhookTargets() {
    }

    /** Why a URL may not be called, or empty when it may. */
    static Optional<String> refusal(String url, boolean allowPrivate) {
        return Optional.ofNullable(resolve(url, allowPrivate, InetAddress::getAllByName).refusal());
    }

    /** Resolves the URL's host once with {@code resolver} and checks what it got. */
    static Resolution resolve(String url, boolean allowPrivate, Resolver resolver) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return refused("only http and https URLs can receive webhooks");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return refused("the URL needs a host and no credentials");
        }
        if (allowPrivate) {
            return new Resolution(new Target(uri, null), null);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return refused("the host does not resolve");
        }
        if (addresses.length == 0) {
            return refused("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isSpecial(address)) {
                return refused("the host resolves to a private or reserved address (" + address.getHostAddress() + ")");
            }
        }
        return new Resolution(new Target(uri, addresses[0]), null);
    }

    private static Resolution refused(String reason) {
        return new Resolution(null, reason);
    }

    /** {@link InetAddress#getAllByName}, or a stand-in for it in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /**
     * Whether an address is not a public one: special IPv4 ranges, and IPv6 ranges that are special
     * themselves or carry an IPv4 address that is (compatible {@code ::a.b.c.d}, translated
     * {@code ::ffff:0:a.b.c.d}, NAT64 {@code 64:ff9b::/96} and {@code 64:ff9b:1::/48}, 6to4
     * {@code 2002::/16}); Teredo, documentation and discard prefixes are refused whole.
     */
    static boolean isSpecial(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || (first == 198 && (second == 18 || second == 19))
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            int word0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
            int word1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            if ((b[0] & 0xfe) == 0xfc // unique local fc00::/7
                    || (word0 == 0x2001 && (word1 == 0 || word1 == 0x0db8)) // Teredo 2001::/32, documentation 2001:db8::/32
                    || (word0 == 0x0100 && word1 == 0 && zero(b, 4, 8))) { // discard 100::/64
                return true;
            }
            if (zero(b, 0, 12) // IPv4-compatible ::a.b.c.d
                    || (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) // translated ::ffff:0:a.b.c.d
                    || (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) // mapped, should Java not have unwrapped it
                    || (word0 == 0x0064 && word1 == 0xff9b && zero(b, 4, 12))) { // NAT64 64:ff9b::/96
                return isSpecial(ipv4(b, 12));
            }
            if (word0 == 0x0064 && word1 == 0xff9b && b[4] == 0 && b[5] == 1) { // local-use NAT64 64:ff9b:1::/48
                return true;
            }
            if (word0 == 0x2002) { // 6to4: the IPv4 address in bits 16-47
                return isSpecial(ipv4(b, 2));
            }
        }
        return false;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
