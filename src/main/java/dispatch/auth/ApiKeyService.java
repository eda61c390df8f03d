package dispatch.auth;

import dispatch.audit.AuditLog;
import dispatch.auth.api.ApiKeyRequest;
import dispatch.auth.api.ApiKeyResponse;
import dispatch.common.http.Problem;
import dispatch.common.http.ProblemException;
import dispatch.common.persistence.DatabaseNotifications;
import dispatch.common.text.Digests;
import dispatch.sections.SectionTree;
import dispatch.tags.TagLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Partner API keys: {@code dk_<prefix>_<secret>}. The secret is shown once; a SHA-256 of the whole
 * key is stored (keys carry 256 random bits, so a fast hash is safe and keeps lookups cheap).
 */
@ApplicationScoped
public class ApiKeyService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final SectionTree sections;
    private final TagLookup tags;
    private final AuditLog audit;

    private final EntityManager em;

    ApiKeyService(ApiKeyRepository keys, SectionTree sections, TagLookup tags, AuditLog audit, EntityManager em) {
        this.em = em;
        this.keys = keys;
        this.sections = sections;
        this.tags = tags;
        this.audit = audit;
    }

    @Transactional
    public ApiKeyResponse create(ApiKeyRequest request, CurrentUser.Actor actor) {
        List<String> sectionSlugs = distinct(request.sections());
        List<String> tagSlugs = distinct(request.tags());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < sectionSlugs.size(); i++) {
            if (sections.bySlug(sectionSlugs.get(i)).isEmpty()) {
                errors.add(Problem.FieldError.pointer("/sections/" + i, "no section with slug '" + sectionSlugs.get(i) + "'"));
            }
        }
        Set<String> knownTags = tags.idsBySlug(tagSlugs).keySet();
        for (int i = 0; i < tagSlugs.size(); i++) {
            if (!knownTags.contains(tagSlugs.get(i))) {
                errors.add(Problem.FieldError.pointer("/tags/" + i, "no tag with slug '" + tagSlugs.get(i) + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidBody(errors);
        }
        String prefix = random(6);
        String secret = "dk_" + prefix + "_" + random(32);
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.name = request.name().strip();
        key.prefix = prefix;
        key.secretHash = Digests.sha256Hex(secret);
        key.sections = sectionSlugs.toArray(String[]::new);
        key.tags = tagSlugs.toArray(String[]::new);
        key.fullText = Boolean.TRUE.equals(request.fullText());
        key.tier = request.tier() == null ? "standard" : request.tier();
        key.createdBy = actor.id();
        key.createdAt = Instant.now();
        keys.persist(key);
        audit.record(actor, "apikey.create", "apikey", key.id, Map.of("name", key.name, "prefix", prefix));
        return toResponse(key, secret);
    }

    public List<ApiKeyResponse> list() {
        return keys.listNewestFirst().stream().map(k -> toResponse(k, null)).toList();
    }

    @Transactional
    public void revoke(UUID id, CurrentUser.Actor actor) {
        ApiKey key = keys.findById(id);
        if (key == null) {
            throw ProblemException.notFound("No API key with id " + id);
        }
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
            audit.record(actor, "apikey.revoke", "apikey", key.id, Map.of("name", key.name));
            // every instance forgets the key's rate-limit tier when this commits
            em.createNativeQuery("select pg_notify(:channel, :bucket)").setParameter("channel", DatabaseNotifications.ACCESS)
                    .setParameter("bucket", "key:" + key.prefix).getSingleResult();
        }
    }

    /** The partner a presented key identifies; empty for unknown, malformed or revoked keys. */
    @Transactional
    public Optional<Partner> authenticate(String presented) {
        String[] parts = presented.trim().split("_");
        if (parts.length != 3 || !parts[0].equals("dk") || parts[1].length() != 8) {
            return Optional.empty();
        }
        Optional<ApiKey> found = keys.findByPrefix(parts[1]);
        if (found.isEmpty() || found.get().revokedAt != null
                || !MessageDigest.isEqual(found.get().secretHash.getBytes(StandardCharsets.US_ASCII), Digests.sha256Hex(presented.trim()).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        ApiKey key = found.get();
        Instant now = Instant.now();
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_GRANULARITY))) {
            key.lastUsedAt = now;
        }
        return Optional.of(new Partner(key.id, key.name, Set.of(key.sections), Set.of(key.tags), key.fullText, key.tier));
    }

    private static ApiKeyResponse toResponse(ApiKey key, String secret) {
        return new ApiKeyResponse(key.id, key.name, key.prefix, List.of(key.sections), List.of(key.tags), key.fullText, key.tier,
                key.createdAt, key.revokedAt, key.lastUsedAt, secret);
    }

    /** {@code bytes} random bytes as URL-safe text without padding ({@code 6} gives 8 characters). */
    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value).replace('_', 'x').replace('-', 'y');
    }


    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values.stream().map(String::trim).toList()));
    }
}
