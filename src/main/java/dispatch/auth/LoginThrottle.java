package dispatch.auth;

import dispatch.common.NewsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per client address in a sliding window; past the limit,
 * further attempts are refused until the oldest failure leaves the window, whether or not the
 * password would be right (so guessing cannot continue). Held in this instance's memory.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final NewsConfig.Auth config;
    private final Clock clock;

    @jakarta.inject.Inject
    LoginThrottle(NewsConfig config) {
        this(config.auth(), Clock.systemUTC());
    }

    LoginThrottle(NewsConfig.Auth config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Seconds until another attempt is allowed for this username or address; 0 when allowed now. */
    public long retryAfterSeconds(String username, String address) {
        return Math.max(wait("user:" + username, config.failuresPerUsername()), wait("addr:" + address, config.failuresPerAddress()));
    }

    public void recordFailure(String username, String address) {
        long now = clock.millis();
        for (String key : new String[] {"user:" + username, "addr:" + address}) {
            Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                prune(times, now);
                times.addLast(now);
            }
        }
    }

    public void recordSuccess(String username) {
        failures.remove("user:" + username);
    }

    private long wait(String key, int limit) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        long now = clock.millis();
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return 0;
            }
            long freeAt = times.peekFirst() + config.failureWindow().toMillis();
            return Math.max(1, (freeAt - now + 999) / 1000);
        }
    }

    private void prune(Deque<Long> times, long now) {
        long cutoff = now - config.failureWindow().toMillis();
        while (!times.isEmpty() && times.peekFirst() <= cutoff) {
            times.pollFirst();
        }
    }
}
