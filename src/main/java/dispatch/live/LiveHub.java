package dispatch.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.common.http.CacheKeys;
import dispatch.common.persistence.DatabaseNotifications;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Readers connected to live event streams on this instance. Connections cost no thread: sinks are
 * written asynchronously, and one worker thread does all the database reads and fan-out, in seq
 * order per reader. Each reader remembers the last event id it was sent; whatever it missed (a
 * reconnect with {@code Last-Event-ID}, a notification lost during a database outage) is read from
 * the live event log, so nothing is skipped and nothing sent twice.
 *
 * <p>A stream lasts only while readers can see its article: before each fan-out, whenever a purge
 * names the article (it was unpublished, deleted, embargoed), and at every heartbeat (an embargo
 * that ended by itself), the open streams of articles no longer visible are ended. A reader's
 * reconnection then gets the article's 404, which ends an {@code EventSource} for good.
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    /** How long before the end of the shutdown delay readers are sent away. */
    private static final Duration RECONNECT_BEFORE_DRAIN = Duration.ofMillis(500);

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
    private final Optional<Duration> shutdownDelay;
    private volatile boolean stopping;

    LiveHub(LiveQueries queries, ObjectMapper json, @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> shutdownDelay) {
        this.queries = queries;
        this.json = json;
        this.shutdownDelay = shutdownDelay;
    }

    /** Starts streaming an article's events after {@code lastEventId} to a reader. */
    void subscribe(UUID articleId, long lastEventId, SseEventSink sink, Sse sse) {
        Reader reader = new Reader(sink, sse, lastEventId);
        if (stopping) {
            sendReconnect(reader); // arrived after the balancer should have stopped sending here
            return;
        }
        readers.computeIfAbsent(articleId, k -> ConcurrentHashMap.newKeySet()).add(reader);
        worker.submit(() -> catchUp(articleId, List.of(reader)));
    }

    void onNotification(@Observes DatabaseNotifications.Notification notification) {
        if (DatabaseNotifications.LIVE.equals(notification.channel())) {
            String payload = notification.payload();
            notified(UUID.fromString(payload.substring(0, payload.indexOf(':'))));
        } else if (DatabaseNotifications.CACHE.equals(notification.channel()) && !readers.isEmpty()) {
            Set<String> purged = Set.of(notification.payload().split(" "));
            List<UUID> named = readers.keySet().stream().filter(id -> purged.contains(CacheKeys.article(id))).toList();
            if (!named.isEmpty()) {
                worker.submit(() -> endInvisible(named));
            }
        }
    }

    /** Ends the streams of those of these articles readers can no longer see; tells which still are. */
    private Set<UUID> endInvisible(java.util.Collection<UUID> articleIds) {
        try {
            Set<UUID> visible = queries.visible(articleIds);
            for (UUID id : articleIds) {
                if (!visible.contains(id)) {
                    Set<Reader> gone = readers.remove(id);
                    if (gone != null) {
                        gone.forEach(reader -> close(reader.sink));
                    }
                }
            }
            return visible;
        } catch (RuntimeException e) {
            LOG.warnf("Live streams could not be checked against their articles: %s", e.getMessage());
            return Set.copyOf(articleIds); // checked again at the next fan-out or heartbeat
        }
    }

    private static void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // gone already
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

    /** Readers connected to this article's stream on this instance. */
    int readersOf(UUID articleId) {
        return readers.getOrDefault(articleId, Set.of()).size();
    }

    private void catchUp(UUID articleId, List<Reader> targets) {
        if (endInvisible(List.of(articleId)).isEmpty()) {
            return;
        }
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
        if (!readers.isEmpty()) {
            worker.submit(() -> endInvisible(List.copyOf(readers.keySet())));
        }
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

    /**
     * SIGTERM with a shutdown delay: readiness is DOWN and the balancer is taking this instance out.
     * Readers are told to reconnect just before the delay ends, so that they land on another
     * instance, and so that their open streams do not hold up the drain of in-flight requests
     * that follows (an open stream is a request in flight until it ends).
     */
    void onShutdownDelay(@Observes ShutdownDelayInitiatedEvent event) {
        long delay = shutdownDelay.map(Duration::toMillis).orElse(0L);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, delay - RECONNECT_BEFORE_DRAIN.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            disconnectAll();
        }, "live-shutdown");
        closer.setDaemon(true);
        closer.start();
    }

    /** On shutdown (without a delay, or if readers are still connected), readers are told to reconnect. */
    void onShutdown(@Observes ShutdownEvent event) {
        disconnectAll();
        worker.shutdown();
    }

    /** Tells every reader to reconnect within a second (to whichever instance answers) and ends its stream. */
    void disconnectAll() {
        stopping = true;
        readers.forEach((articleId, set) -> set.forEach(this::sendReconnect));
        readers.clear();
    }

    private void sendReconnect(Reader reader) {
        try {
            reader.sink.send(reader.sse.newEventBuilder().name("reconnect").reconnectDelay(1000).data("{}").build());
            reader.sink.close();
        } catch (RuntimeException e) {
            // closing anyway
        }
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
