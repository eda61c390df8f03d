package dispatch.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A partner's API key. Only a SHA-256 of the secret is stored; the prefix finds the row. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false, unique = true)
    public String prefix;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(nullable = false, columnDefinition = "text[]")
    public String[] sections;

    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags;

    @Column(name = "full_text", nullable = false)
    public boolean fullText;

    @Column(nullable = false)
    public String tier;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
