package dispatch.auth;

import dispatch.common.http.DatabaseFailures;
import dispatch.common.http.ProblemMappers;
import dispatch.common.http.RateLimiter;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token says who the caller is; the database says what they may do. Roles come from the user's
 * current record, so a role change or a disabled account takes effect at once, not when the token
 * expires. A token whose user no longer exists or is disabled fails authentication (401), and so
 * does one issued before the account's password changed or before it was disabled and enabled again
 * (its {@code ver} claim names an earlier generation of the account's tokens).
 */
@ApplicationScoped
public class UserIdentityAugmentor implements SecurityIdentityAugmentor {

    private final Lookup lookup;
    private final RateLimiter limiter;

    UserIdentityAugmentor(Lookup lookup, RateLimiter limiter) {
        this.lookup = lookup;
        this.limiter = limiter;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            User user = lookup.enabledUser(token.getSubject());
            Object claim = token.getClaim(TokenService.TOKEN_VERSION);
            Number version = claim instanceof jakarta.json.JsonNumber json ? json.numberValue() : claim instanceof Number n ? n : null;
            if (version == null || version.longValue() != user.tokenVersion) {
                // issued before the password changed or the account was disabled
                throw new AuthenticationFailedException("Token of an earlier generation");
            }
            limiter.verifiedToken(token.getRawToken(), token.getSubject());
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(identity.getPrincipal())
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(CurrentUser.USER_ID, user.id)
                    .addRoles(Set.of(user.roles))
                    .build();
        });
    }

    @ApplicationScoped
    static class Lookup {
        private final UserRepository users;

        Lookup(UserRepository users) {
            this.users = users;
        }

        @ActivateRequestContext
        User enabledUser(String subject) {
            UUID id;
            try {
                id = UUID.fromString(subject);
            } catch (RuntimeException e) {
                throw new AuthenticationFailedException("Token subject is not a user id");
            }
            User user;
            try {
                user = users.findById(id);
            } catch (RuntimeException e) {
                if (DatabaseFailures.isUnavailable(e)) {
                    throw ProblemMappers.databaseUnavailable();
                }
                throw e;
            }
            if (user == null || user.disabled) {
                throw new AuthenticationFailedException("User unknown or disabled");
            }
            return user;
        }
    }
}
