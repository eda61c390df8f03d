package dispatch.sync;

import dispatch.audit.AuditLog;
import dispatch.auth.CurrentUser;
import dispatch.common.NewsConfig;
import dispatch.common.http.Cursors;
import dispatch.common.http.Page;
import dispatch.common.http.Problem;
import dispatch.common.http.ProblemException;
import dispatch.common.persistence.Rows;
import dispatch.sync.api.Delivery;
import dispatch.sync.api.WebhookRequest;
import dispatch.sync.api.WebhookResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Webhook subscriptions and their delivery log. */
@ApplicationScoped
public class WebhookService {

    public static final Set<String> EVENTS = Set.of("article.published", "article.updated", "article.unpublished", "article.deleted",
            "section.updated", "section.deleted", "tag.updated", "tag.deleted", "author.updated", "author.deleted", "comment.approved",
            "cache.purge");

    private final EntityManager em;
    private final AuditLog audit;
    private final NewsConfig.Webhooks config;

    WebhookService(EntityManager em, AuditLog audit, NewsConfig config) {
        this.em = em;
        this.audit = audit;
        this.config = config.webhooks();
    }

    @Transactional
    public WebhookResponse register(WebhookRequest request, CurrentUser.Actor actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        WebhookTargets.refusal(request.url(), config.allowPrivateTargets())
                .ifPresent(reason -> errors.add(Problem.FieldError.pointer("/url", reason)));
        List<String> events = List.copyOf(new LinkedHashSet<>(request.events()));
        for (int i = 0; i < events.size(); i++) {
            if (!EVENTS.contains(events.get(i))) {
                errors.add(Problem.FieldError.pointer("/events/" + i, "unknown event; known: " + String.join(", ", EVENTS.stream().sorted().toList())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidBody(errors);
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.createNativeQuery("insert into webhooks (id, url, events, secret, created_at, created_by) values (:id, :url, cast(:events as text[]), :secret, :at, :by)")
                .setParameter("id", id).setParameter("url", request.url()).setParameter("events", "{" + String.join(",", events) + "}")
                .setParameter("secret", request.secret()).setParameter("at", now).setParameter("by", actor.id()).executeUpdate();
        audit.record(actor, "webhook.create", "webhook", id, Map.of("url", request.url(), "events", events));
        return new WebhookResponse(id, request.url(), events, now);
    }

    public List<WebhookResponse> list() {
        List<WebhookResponse> hooks = new ArrayList<>();
        for (Object row : em.createNativeQuery("select id, url, array_to_string(events, ','), created_at from webhooks order by created_at")
                .getResultList()) {
            hooks.add(toResponse((Object[]) row));
        }
        return hooks;
    }

    public WebhookResponse get(UUID id) {
        List<?> rows = em.createNativeQuery("select id, url, array_to_string(events, ','), created_at from webhooks where id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("No webhook with id " + id);
        }
        return toResponse((Object[]) rows.get(0));
    }

    @Transactional
    public void delete(UUID id, CurrentUser.Actor actor) {
        get(id);
        em.createNativeQuery("delete from webhooks where id = :id").setParameter("id", id).executeUpdate();
        audit.record(actor, "webhook.delete", "webhook", id, Map.of());
    }

    /** The delivery log of a webhook, newest first. */
    public Page<Delivery> deliveries(UUID id, String cursor, int limit) {
        get(id);
        long before = Long.MAX_VALUE;
        if (cursor != null) {
            try {
                before = Long.parseLong(Cursors.decode(cursor, 1).get(0));
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("cursor", "not a cursor this API issued");
            }
        }
        List<Delivery> items = new ArrayList<>();
        for (Object row : em.createNativeQuery("select d.id, d.event_seq, e.type, d.status, d.attempts, d.last_status, d.last_error, "
                + "d.next_attempt_at, d.last_attempt_at, d.delivered_at from webhook_deliveries d join events e on e.seq = d.event_seq "
                + "where d.webhook_id = :id and d.id < :before order by d.id desc limit " + (limit + 1))
                .setParameter("id", id).setParameter("before", before).getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new Delivery(((Number) r[0]).longValue(), r[1].toString(), (String) r[2], (String) r[3], Rows.integer(r[4]),
                    Rows.integer(r[5]), (String) r[6], Rows.instant(r[7]), Rows.instant(r[8]), Rows.instant(r[9])));
        }
        boolean more = items.size() > limit;
        List<Delivery> page = more ? items.subList(0, limit) : items;
        return new Page<>(page, more ? Cursors.encode(List.of(Long.toString(page.get(page.size() - 1).id()))) : null);
    }

    /** Sends a delivery again, whatever became of it; events of the same article still go in order. */
    @Transactional
    public void redeliver(UUID webhookId, long deliveryId, CurrentUser.Actor actor) {
        int updated = em.createNativeQuery("update webhook_deliveries set status = 'pending', next_attempt_at = now(), last_error = null "
                + "where id = :id and webhook_id = :webhook").setParameter("id", deliveryId).setParameter("webhook", webhookId).executeUpdate();
        if (updated == 0) {
            throw ProblemException.notFound("Webhook " + webhookId + " has no delivery " + deliveryId);
        }
        audit.record(actor, "webhook.redeliver", "webhook", webhookId, Map.of("delivery", deliveryId));
    }

    private static WebhookResponse toResponse(Object[] r) {
        return new WebhookResponse(Rows.uuid(r[0]), (String) r[1], List.of(((String) r[2]).split(",")), Rows.instant(r[3]));
    }
}
