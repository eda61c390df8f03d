package dispatch.common.persistence;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Signing keys for a machine that runs Dispatch locally: in dev and test mode, and whenever the
 * embedded database is in use, a missing JWT key pair and preview secret are generated once into
 * {@code news.local-secrets.dir} and used from there. A production deployment (an external database)
 * never gets generated keys: it must configure {@code mp.jwt.verify.publickey.location},
 * {@code smallrye.jwt.sign.key.location} and {@code news.preview.secret}.
 */
public class LocalSecretsConfigSourceFactory implements ConfigSourceFactory {

    static final String VERIFY_KEY = "mp.jwt.verify.publickey.location";
    static final String SIGN_KEY = "smallrye.jwt.sign.key.location";
    static final String PREVIEW_SECRET = "news.preview.secret";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET || !isLocal(context)) {
            return List.of();
        }
        Path dir = Path.of(valueOr(context.getValue("news.local-secrets.dir"), ".dispatch/secrets")).toAbsolutePath();
        Map<String, String> values = new HashMap<>();
        if (!isSet(context.getValue(VERIFY_KEY)) && !isSet(context.getValue("mp.jwt.verify.publickey"))) {
            Path[] keys = keyPair(dir);
            values.put(VERIFY_KEY, keys[1].toUri().toString());
            if (!isSet(context.getValue(SIGN_KEY))) {
                values.put(SIGN_KEY, keys[0].toUri().toString());
            }
        }
        if (!isSet(context.getValue(PREVIEW_SECRET))) {
            values.put(PREVIEW_SECRET, previewSecret(dir));
        }
        return List.of(new PropertiesConfigSource(values, "LocalSecrets", 200));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(90);
    }

    private static boolean isLocal(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean embedded = !isSet(context.getValue(EmbeddedDatabaseConfigSourceFactory.JDBC_URL))
                && !"false".equalsIgnoreCase(valueOr(context.getValue("news.embedded-db.enabled"), "true"));
        return embedded || profiles.contains("dev") || profiles.contains("test");
    }

    /** [private key PEM, public key PEM], generated when absent. */
    private static synchronized Path[] keyPair(Path dir) {
        Path privateKey = dir.resolve("jwt-private.pem");
        Path publicKey = dir.resolve("jwt-public.pem");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                write(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            return new Path[] {privateKey, publicKey};
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write local signing keys to " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized String previewSecret(Path dir) {
        Path file = dir.resolve("preview-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                write(file, Base64.getEncoder().encodeToString(secret));
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the local preview secret to " + dir, e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOr(ConfigValue value, String fallback) {
        return isSet(value) ? value.getValue() : fallback;
    }
}
