package dispatch.auth;

import dispatch.common.NewsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.TreeSet;

/**
 * Counts failed logins per username and per client address in a sliding window; past the limit,
 * further attempts are refused until the oldest failure leaves the window, whether or not the
 * password would be right (so guessing cannot continue). Every attempt is counted before its password
 * is checked and forgotten when it was right, so the limit also holds for guesses sent in parallel. The failures live in PostgreSQL, so the
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

    /**
     * Reserves one attempt for this username and address, before the password is checked: counted as
     * a failure at once, so that parallel guesses cannot all pass the check while the first ones are
     * still being hashed. Both keys are locked (in one order, across instances: advisory locks of the
     * database) while they are counted and the attempt is written. Gives the seconds until another
     * attempt is allowed when one is not, and then reserves nothing; 0 when the attempt is reserved.
     */
    public long reserve(String username, String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (String key : new TreeSet<>(List.of(userKey(username), addressKey(address)))) {
                entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                        .setParameter("key", key)
                        .getSingleResult();
            }
            long wait = retryAfterSeconds(username, address);
            if (wait == 0) {
                entityManager.createNativeQuery("insert into login_failure (key) values (:user), (:address)")
                        .setParameter("user", userKey(username))
                        .setParameter("address", addressKey(address))
                        .executeUpdate();
                entityManager.createNativeQuery("delete from login_failure where failed_at < now() - cast(:window as interval)")
                        .setParameter("window", window())
                        .executeUpdate();
            }
            return wait;
        });
    }

    /** Seconds until another attempt is allowed for this username or address; 0 when allowed now. */
    private long retryAfterSeconds(String username, String address) {
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

    /**
     * The reserved attempt was right: the account's failures are forgotten, and the address's count
     * loses the attempt again (one of its newest rows; they are all alike).
     */
    public void recordSuccess(String username, String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from login_failure where key = :user")
                    .setParameter("user", userKey(username))
                    .executeUpdate();
            entityManager.createNativeQuery("""
                    delete from login_failure where ctid = (
                        select ctid from login_failure where key = :address order by failed_at desc limit 1)""")
                    .setParameter("address", addressKey(address))
                    .executeUpdate();
        });
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
