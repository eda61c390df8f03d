package dispatch.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A newsroom account. Passwords are stored as bcrypt hashes only. */
@Entity
@Table(name = "users")
public class User {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(nullable = false, columnDefinition = "text[]")
    public String[] roles;

    @Column(nullable = false)
    public boolean disabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The generation of the account's access tokens ({@code ver} claim); a password change or a re-enabling starts a new one. */
    @Column(name = "token_version", nullable = false)
    public int tokenVersion;

    @Version
    public int version;
}
