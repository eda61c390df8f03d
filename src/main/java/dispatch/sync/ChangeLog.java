package dispatch.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the transaction of the change it describes (the outbox): the event, and a
 * pending delivery for every webhook subscribed to its type, commit together with the change or
 * not at all.
 */
@ApplicationScoped
public class ChangeLog {

    /** Serializes event writers for the length of their transactions: seq order is commit order. */
    public static final long LOCK_KEY = 0x4576_656E_7473L; // "Events"

    private final EntityManager em;
    private final ObjectMapper json;

    ChangeLog(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * @param type       e.g. {@code article.published}
     * @param entityType article, section, tag, author or comment
     * @param orderKey   events with the same key reach each webhook in seq order (e.g. the article id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String type, String entityType, UUID entityId, String slug, UUID orderKey, Map<String, ?> payload) {
        em.flush();
        em.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", LOCK_KEY).getSingleResult();
        Number seq = (Number) em.createNativeQuery("select coalesce(max(seq), 0) + 1 from events").getSingleResult();
        try {
            em.createNativeQuery("insert into events (seq, type, entity_type, entity_id, slug, payload) "
                    + "values (:seq, :type, :entityType, :id, :slug, cast(:payload as jsonb))")
                    .setParameter("seq", seq.longValue()).setParameter("type", type).setParameter("entityType", entityType)
                    .setParameter("id", entityId).setParameter("slug", slug).setParameter("payload", json.writeValueAsString(payload))
                    .executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("insert into webhook_deliveries (webhook_id, event_seq, ordering_key) "
                + "select id, :seq, :key from webhooks where :type = any(events)")
                .setParameter("seq", seq.longValue()).setParameter("key", entityType + ":" + orderKey).setParameter("type", type)
                .executeUpdate();
    }
}
