package dispatch.sync;

import dispatch.common.NewsConfig;
import dispatch.common.http.ResponseCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes the surrogate keys a change invalidates, in the transaction of the change: this
 * instance's response cache drops them when the transaction commits, the other instances when the
 * NOTIFY arrives (PostgreSQL sends it at commit), webhook subscribers get a {@code cache.purge}
 * event, and a CDN purge endpoint is called when one is configured (Fastly or Cloudflare style).
 */
@ApplicationScoped
public class CachePurger {

    private static final Logger LOG = Logger.getLogger(CachePurger.class);
    private static final int NOTIFY_LIMIT = 7000;

    private final EntityManager em;
    private final ResponseCache cache;
    private final ChangeLog changes;
    private final TransactionSynchronizationRegistry transactions;
    private final NewsConfig.Cdn cdn;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CachePurger(EntityManager em, ResponseCache cache, ChangeLog changes, TransactionSynchronizationRegistry transactions, NewsConfig config) {
        this.em = em;
        this.cache = cache;
        this.changes = changes;
        this.transactions = transactions;
        this.cdn = config.cdn();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void purge(Set<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Set<String> sorted = new TreeSet<>(keys);
        for (String chunk : chunks(sorted)) {
            em.createNativeQuery("select pg_notify('dispatch_cache', :keys)").setParameter("keys", chunk).getSingleResult();
        }
        changes.record("cache.purge", "cache", UUID.nameUUIDFromBytes(String.join(" ", sorted).getBytes()), null, new UUID(0, 0),
                Map.of("keys", List.copyOf(sorted)));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    cache.invalidate(sorted);
                    callCdn(sorted);
                }
            }
        });
    }

    private void callCdn(Set<String> keys) {
        if (cdn.purgeUrl().isEmpty()) {
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cdn.purgeUrl().get())).timeout(Duration.ofSeconds(5));
        if ("cloudflare".equals(cdn.purgeStyle())) {
            String tags = String.join("\",\"", keys);
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"tags\":[\"" + tags + "\"]}"));
            cdn.purgeToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        } else {
            request.header("Surrogate-Key", String.join(" ", keys)).POST(HttpRequest.BodyPublishers.noBody());
            cdn.purgeToken().ifPresent(token -> request.header("Fastly-Key", token));
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() / 100 != 2) {
                LOG.warnf("CDN purge of %d keys failed: %s", keys.size(), failure != null ? failure.getMessage() : "HTTP " + response.statusCode());
            }
        });
    }

    private static List<String> chunks(Set<String> keys) {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String key : keys) {
            if (chunk.length() + key.length() + 1 > NOTIFY_LIMIT) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.length() == 0 ? "" : " ").append(key);
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }
}
