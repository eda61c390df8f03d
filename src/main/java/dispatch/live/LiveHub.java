package dispatch.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.common.persistence.DatabaseNotifications;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Readers connected to live event streams on this instance. Connections cost no thread: sinks are
 * written asynchronously, and one worker thread does all the database reads and fan-out, in seq
 * order per reader. Each reader remembers the last event id it was sent; whatever it missed (a
 * reconnect with {@code Last-Event-ID}, a notification lost during a database outage) is read from
 * the live event log, so nothing is skipped and nothing sent twice.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    static final class Reader {
        final SseEventSink sink;
        final Sse sse;
        volatile long lastSent;

        Reader(SseEventSink sink, Sse sse, long lastSent) {
            this.sink = sink;
            this.sse = sse;
            this.lastSent = lastSent;
        }
    }

    private final Map<UUID, Set<Reader>> readers = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "live-fanout");
        thread.setDaemon(true);
        return thread;
    });
    private final LiveQueries queries;
    private final ObjectMapper json;

    LiveHub(LiveQueries queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    /** Starts streaming an article's events after {@code lastEventId} to a reader. */
    void subscribe(UUID articleId, long lastEventId, SseEventSink sink, Sse sse) {
        Reader reader = new Reader(sink, sse, lastEventId);
        readers.computeIfAbsent(articleId, k -> ConcurrentHashMap.newKeySet()).add(reader);
        worker.submit(() -> catchUp(articleId, List.of(reader)));
    }

    void onNotification(@Observes DatabaseNotifications.Notification notification) {
        if (DatabaseNotifications.LIVE.equals(notification.channel())) {
            String payload = notification.payload();
            notified(UUID.fromString(payload.substring(0, payload.indexOf(':'))));
        }
    }

    void onReconnect(@Observes DatabaseNotifications.Reconnected reconnected) {
        catchUpAll();
    }

    /** A NOTIFY arrived: some instance committed an event of this article. */
    void notified(UUID articleId) {
        if (readers.containsKey(articleId)) {
            worker.submit(() -> catchUp(articleId, List.copyOf(readers.getOrDefault(articleId, Set.of()))));
        }
    }

    /** After the listener reconnects, notifications may have been lost: catch every stream up from the log. */
    void catchUpAll() {
        readers.keySet().forEach(this::notified);
    }

    int connectedReaders() {
        return readers.values().stream().mapToInt(Set::size).sum();
    }

    private void catchUp(UUID articleId, List<Reader> targets) {
        try {
            long from = targets.stream().mapToLong(r -> r.lastSent).min().orElse(Long.MAX_VALUE);
            if (from == Long.MAX_VALUE) {
                return;
            }
            for (LiveQueries.LiveEvent event : queries.eventsAfter(articleId, from)) {
                for (Reader reader : targets) {
                    if (event.seq() > reader.lastSent) {
                        send(articleId, reader, event);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Live stream of %s could not catch up: %s", articleId, e.getMessage());
        }
    }

    private void send(UUID articleId, Reader reader, LiveQueries.LiveEvent event) {
        if (reader.sink.isClosed()) {
            drop(articleId, reader);
            return;
        }
        Object data = switch (event.type()) {
            case "entry" -> event.entry();
            case "delete" -> Map.of("id", event.entryId());
            default -> Map.of("closed", true);
        };
        try {
            OutboundSseEvent out = reader.sse.newEventBuilder().id(Long.toString(event.seq())).name(event.type())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(json.writeValueAsString(data)).build();
            reader.lastSent = event.seq();
            reader.sink.send(out).whenComplete((ok, failure) -> {
                if (failure != null) {
                    drop(articleId, reader);
                }
            });
        } catch (Exception e) {
            drop(articleId, reader);
        }
    }

    /** Keeps idle connections open through proxies, and forgets readers that went away. */
    @Scheduled(every = "20s")
    void heartbeat() {
        readers.forEach((articleId, set) -> set.forEach(reader -> {
            if (reader.sink.isClosed()) {
                drop(articleId, reader);
            } else {
                reader.sink.send(reader.sse.newEventBuilder().comment("keep-alive").build()).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        drop(articleId, reader);
                    }
                });
            }
        }));
    }

    /** On shutdown, readers are told to reconnect (to another instance) within a second. */
    void onShutdown(@Observes ShutdownEvent event) {
        readers.forEach((articleId, set) -> set.forEach(reader -> {
            try {
                reader.sink.send(reader.sse.newEventBuilder().name("reconnect").reconnectDelay(1000).data("{}").build());
                reader.sink.close();
            } catch (RuntimeException e) {
                // closing anyway
            }
        }));
        readers.clear();
        worker.shutdown();
    }

    private void drop(UUID articleId, Reader reader) {
        Set<Reader> set = readers.get(articleId);
        if (set != null) {
            set.remove(reader);
            if (set.isEmpty()) {
                readers.remove(articleId, set);
            }
        }
    }
}
