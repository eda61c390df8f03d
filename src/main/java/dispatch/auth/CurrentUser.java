package dispatch.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** Who is making the current editorial request, as established by {@link UserIdentityAugmentor}. */
@RequestScoped
public class CurrentUser {

    static final String USER_ID = "dispatch.userId";

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public UUID id() {
        return identity.getAttribute(USER_ID);
    }

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role) || identity.hasRole(Roles.ADMIN);
    }

    /** Editors and admins may act on any article; writers only on their own. */
    public boolean isEditor() {
        return has(Roles.EDITOR);
    }

    public Actor actor() {
        return new Actor(id(), username());
    }

    /** Who did something, as revisions and the audit log record it. */
    public record Actor(UUID id, String username) {
        public static final Actor SYSTEM = new Actor(null, "system");
    }
}
