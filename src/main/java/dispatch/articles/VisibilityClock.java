package dispatch.articles;

import dispatch.common.http.CacheKeys;
import dispatch.common.persistence.DatabaseNotifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When readers' view of articles next changes by itself: the next scheduled publication or embargo
 * end. Cached public responses must not outlive it, since no transaction (and no purge) marks the
 * moment. Remembered until that moment passes, or until any instance schedules or embargoes an
 * article (a purge of {@link CacheKeys#CLOCK} reaches every instance).
 */
@ApplicationScoped
public class VisibilityClock implements dispatch.common.http.ValidityHorizon {

    private static final Instant UNKNOWN = Instant.MIN;

    private final EntityManager em;
    private final AtomicReference<Instant> next = new AtomicReference<>(UNKNOWN);

    VisibilityClock(EntityManager em) {
        this.em = em;
    }

    /** The next time published content changes without an edit, or null if none is planned. */
    @Override
    @jakarta.enterprise.context.control.ActivateRequestContext
    public Instant next() {
        Instant known = next.get();
        if (known == UNKNOWN || (known != null && !known.isAfter(Instant.now()))) {
            Object value = em.createNativeQuery("select least("
                    + "(select min(published_at) from articles where status in ('published', 'scheduled') and published_at > now() "
                    + "and deleted_at is null), "
                    + "(select min(expire_at) from articles where status in ('published', 'scheduled') and expire_at > now() "
                    + "and deleted_at is null))")
                    .getSingleResult();
            known = dispatch.common.persistence.Rows.instant(value);
            next.set(known);
        }
        return known;
    }

    public void reset() {
        next.set(UNKNOWN);
    }

    void onNotification(@Observes DatabaseNotifications.Notification notification) {
        if (DatabaseNotifications.CACHE.equals(notification.channel()) && notification.payload().contains(CacheKeys.CLOCK)) {
            reset();
        }
    }
}
