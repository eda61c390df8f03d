package dispatch.auth;

import java.util.Set;
import java.util.UUID;

/**
 * A partner identified by its API key, and what the key lets it get: articles in {@code sections}
 * (and their descendants) and tagged with one of {@code tags} (empty: no restriction), full text or
 * teasers only, and a rate-limit tier.
 */
public record Partner(UUID keyId, String name, Set<String> sections, Set<String> tags, boolean fullText, String tier) {

    /** What separates this partner's cached answers from everyone else's: "" for anonymous readers. */
    public static String cacheVariant(Partner partner) {
        return partner == null ? "" : partner.keyId().toString();
    }
}
