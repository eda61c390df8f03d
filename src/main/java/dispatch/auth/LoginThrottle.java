package dispatch.auth;

import dispatch.common.NewsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Counts failed logins per username and per client address in a sliding window; past the limit,
 * further attempts are refused until the oldest failure leaves the window, whether or not the
 * password would be right (so guessing cannot continue). The failures live in PostgreSQL, so the
 * limit holds across every instance behind the load balancer, and the database's clock is the
 * only one that counts.
 */
@ApplicationScoped
public class LoginThrottle {

    private final EntityManager entityManager;
    private final NewsConfig.Auth config;

    LoginThrottle(EntityManager entityManager, NewsConfig config) {
        this.entityManager = entityManager;
        this.config = config.auth();
    }

    /** Seconds until another attempt is allowed for this username or address; 0 when allowed now. */
    public long retryAfterSeconds(String username, String address) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select key, count(*), extract(epoch from min(failed_at) + cast(:window as interval) - now())
                from login_failure
                where key in (:user, :address) and failed_at > now() - cast(:window as interval)
                group by key""")
                .setParameter("user", userKey(username))
                .setParameter("address", addressKey(address))
                .setParameter("window", window())
                .getResultList();
        long wait = 0;
        for (Object[] row : rows) {
            int limit = userKey(username).equals(row[0]) ? config.failuresPerUsername() : config.failuresPerAddress();
            if (((Number) row[1]).longValue() >= limit) {
                wait = Math.max(wait, Math.max(1, (long) Math.ceil(((Number) row[2]).doubleValue())));
            }
        }
        return wait;
    }

    /** Recorded in a transaction of its own: the login that failed rolls back, the failure stays. */
    public void recordFailure(String username, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("insert into login_failure (key) values (:user), (:address)")
                    .setParameter("user", userKey(username))
                    .setParameter("address", addressKey(address))
                    .executeUpdate();
            entityManager.createNativeQuery("delete from login_failure where failed_at < now() - cast(:window as interval)")
                    .setParameter("window", window())
                    .executeUpdate();
        });
    }

    public void recordSuccess(String username) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from login_failure where key = :user")
                .setParameter("user", userKey(username))
                .executeUpdate());
    }

    private String window() {
        return config.failureWindow().toMillis() + " milliseconds";
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
