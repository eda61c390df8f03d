package dispatch.auth;

import dispatch.auth.api.TokenResponse;
import dispatch.common.NewsConfig;
import dispatch.common.http.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtSignatureException;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Exchanges a username and password for a signed access token. */
@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    /** The claim naming the generation of the account's tokens the token belongs to. */
    static final String TOKEN_VERSION = "ver";

    /**
     * Checked when the username is unknown, so that both cases cost the same bcrypt work. Made on
     * the first login rather than at start: a bcrypt hash is deliberately slow.
     */
    private static final class DummyHash {
        static final String VALUE = BcryptUtil.bcryptHash(UUID.randomUUID().toString(), UserService.BCRYPT_COST);
    }

    private final UserRepository users;
    private final LoginThrottle throttle;
    private final NewsConfig.Auth config;

    TokenService(UserRepository users, LoginThrottle throttle, NewsConfig config) {
        this.users = users;
        this.throttle = throttle;
        this.config = config.auth();
    }

    /** A token for valid credentials of an enabled user; one and the same 401 for every other case. */
    public TokenResponse issue(String username, String password, String clientAddress) {
        String name = username.trim().toLowerCase(java.util.Locale.ROOT);
        long wait = throttle.reserve(name, clientAddress); // counted as a failure until it proves right
        if (wait > 0) {
            LOG.warnf("Login for '%s' from %s refused: too many failed attempts", name, clientAddress);
            throw new ProblemException(429, "TOO_MANY_REQUESTS", "Too Many Requests",
                    "Too many failed logins; try again in " + wait + " seconds", null, Map.of("Retry-After", Long.toString(wait)));
        }
        User user = users.findByUsername(name).orElse(null);
        boolean matches = BcryptUtil.matches(password, user == null ? DummyHash.VALUE : user.passwordHash);
        if (user == null || !matches || user.disabled) {
            LOG.warnf("Failed login for '%s' from %s", name, clientAddress);
            throw unauthorized();
        }
        throttle.recordSuccess(name, clientAddress);
        long lifespan = config.tokenLifespan().toSeconds();
        String token;
        try {
            token = Jwt.issuer(config.issuer())
                    .audience(config.audience())
                    .subject(user.id.toString())
                    .upn(user.username)
                    .groups(Set.of(user.roles))
                    .claim("name", user.displayName)
                    .claim(TOKEN_VERSION, user.tokenVersion)
                    .expiresIn(lifespan)
                    .sign();
        } catch (JwtSignatureException e) {
            LOG.error("Cannot sign access tokens: set SMALLRYE_JWT_SIGN_KEY_LOCATION and MP_JWT_VERIFY_PUBLICKEY_LOCATION", e);
            throw new ProblemException(503, "NOT_CONFIGURED", "Service Unavailable",
                    "Token signing is not configured on this server", null, Map.of("Retry-After", "3600"));
        }
        return new TokenResponse(token, "Bearer", lifespan);
    }

    void warnWhenKeysAreMissing(@Observes StartupEvent event) {
        Config config = ConfigProvider.getConfig();
        boolean signing = config.getOptionalValue("smallrye.jwt.sign.key.location", String.class).isPresent()
                || config.getOptionalValue("smallrye.jwt.sign.key", String.class).isPresent();
        boolean verifying = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent();
        if (!signing || !verifying) {
            LOG.warn("No JWT key pair is configured: the editorial API cannot issue or accept tokens. Set "
                    + "SMALLRYE_JWT_SIGN_KEY_LOCATION (private key) and MP_JWT_VERIFY_PUBLICKEY_LOCATION (public key).");
        }
    }

    static ProblemException unauthorized() {
        return new ProblemException(401, "UNAUTHORIZED", "Unauthorized", "Wrong username or password", null,
                Map.of("WWW-Authenticate", "Bearer"));
    }
}
