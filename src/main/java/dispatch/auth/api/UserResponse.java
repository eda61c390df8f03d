package dispatch.auth.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as admins see it; never its password hash. */
public record UserResponse(UUID id, String username, String displayName, List<String> roles, String author, boolean disabled,
        Instant createdAt, Instant updatedAt) {
}
