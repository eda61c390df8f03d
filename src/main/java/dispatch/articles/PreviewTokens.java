package dispatch.articles;

import dispatch.common.NewsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Preview tokens: the article id and an expiry, signed with HMAC-SHA256. They grant reading one
 * article's current state until they expire, and nothing else.
 */
@ApplicationScoped
class PreviewTokens {

    private static final Logger LOG = Logger.getLogger(PreviewTokens.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Clock clock;

    @jakarta.inject.Inject
    PreviewTokens(NewsConfig config) {
        this(config.preview().secret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(PreviewTokens::ephemeralKey),
                Clock.systemUTC());
    }

    PreviewTokens(byte[] key, Clock clock) {
        this.key = key.clone();
        this.clock = clock;
    }

    String issue(UUID articleId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(24);
        payload.putLong(articleId.getMostSignificantBits()).putLong(articleId.getLeastSignificantBits()).putLong(expiresAt.getEpochSecond());
        byte[] bytes = payload.array();
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /** The article a token grants, if its signature holds and it has not expired. */
    Optional<UUID> verify(String token) {
        try {
            int dot = token.indexOf('.');
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (payload.length != 24 || !MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            UUID id = new UUID(buffer.getLong(), buffer.getLong());
            return Instant.ofEpochSecond(buffer.getLong()).isAfter(clock.instant()) ? Optional.of(id) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ephemeralKey() {
        LOG.warn("news.preview.secret is not set: preview links will stop working at restart and on other instances");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
