package dispatch.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dispatch.common.NewsConfig;
import dispatch.common.persistence.DatabaseNotifications;
import dispatch.common.persistence.ReadReplica;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Ready-to-send public responses held in memory (bounded by bytes), keyed by request, and indexed by
 * the surrogate keys they depend on. A change invalidates exactly its keys: on this instance when its
 * transaction commits, on the others through {@code NOTIFY dispatch_cache}. A hit costs no database
 * work, and a matching {@code If-None-Match} is a 304 without rendering anything.
 *
 * <p>Renders race with invalidations: an epoch counter, bumped by every invalidation, makes sure a
 * response rendered before an invalidation is never stored after it.
 */
@ApplicationScoped
public class ResponseCache {

    /**
     * A response as stored: its gzip coding, compressed once, and everything needed to answer with it,
     * header values included, formatted once when stored rather than on every hit. {@code identity}
     * is there only while a response is being rendered: a stored entry holds the gzip bytes alone, and
     * the clients that do not accept gzip are sent them inflated ({@link #identity}).
     */
    public record Entry(byte[] identity, byte[] gzip, int length, String mediaType, String etag, String gzipEtag, Instant lastModified,
            Set<String> keys, String cacheControl, Map<String, String> headers, Instant validUntil, String surrogateKey, String cacheTag,
            String lastModifiedHttp, String route) {

        static Entry of(byte[] body, boolean compress, String mediaType, Instant lastModified, Set<String> keys, String cacheControl,
                Map<String, String> headers, Instant validUntil, String route) {
            List<String> sorted = keys.stream().sorted().toList();
            String etag = Representations.etagOf(body);
            return new Entry(body, compress ? Gzip.compress(body) : null, body.length, mediaType, etag, Gzip.etag(etag), lastModified,
                    Set.copyOf(keys), cacheControl, headers, validUntil, String.join(" ", sorted), String.join(",", sorted),
                    lastModified == null ? null : Representations.httpDate(lastModified), route);
        }

        /** The entry as the cache keeps it: without the identity bytes. */
        Entry stored() {
            return new Entry(null, gzip, length, mediaType, etag, gzipEtag, lastModified, keys, cacheControl, headers, validUntil,
                    surrogateKey, cacheTag, lastModifiedHttp, route);
        }

        /** Whether this client is sent the gzip coding. */
        boolean gzipFor(String acceptEncoding) {
            return gzip != null && Gzip.accepted(acceptEncoding);
        }

        /**
         * What the entry costs the heap, near enough: its bytes, plus what the entry, its strings, its
         * two cache nodes and its place in the surrogate-key index take (measured with a heap
         * histogram, docs/benchmarks.md). The cache's byte budget is a budget of real memory.
         */
        int weight(String key) {
            int strings = 2 * (surrogateKey.length() + 40) + 2 * (etag.length() + 40) + (lastModifiedHttp == null ? 0 : 72)
                    + 2 * key.length();
            int index = keys.size() * ENTRY_INDEX_BYTES_PER_KEY;
            int headerBytes = 0;
            for (Map.Entry<String, String> header : headers.entrySet()) {
                headerBytes += header.getKey().length() + header.getValue().length() + 96;
            }
            return (gzip == null ? 0 : gzip.length + 16) + (identity == null ? 0 : identity.length + 16) + ENTRY_BYTES + strings + index
                    + headerBytes;
        }
    }

    /** The entry record, its instants, its copied key set and the two cache nodes (fresh and stale). */
    static final int ENTRY_BYTES = 480;
    /** Per surrogate key of an entry: its slot in the key set and its node in the key index. */
    static final int ENTRY_INDEX_BYTES_PER_KEY = 112;

    /**
     * Where Quarkus REST leaves the matched route template ({@code /api/v1/articles/{slug}}) for the
     * HTTP metrics: a hit answered before routing must set it too, or every slug becomes a metric.
     */
    static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    /**
     * What a resource renders on a miss; {@code headers} are sent with it (e.g. {@code Link}). A
     * {@code direct} response (a redirect) is sent as it is and not stored.
     */
    public record Rendered(byte[] body, String mediaType, Instant lastModified, Set<String> keys, Map<String, String> headers,
            Response direct, Instant validUntil) {

        public Rendered withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Rendered(body, mediaType, lastModified, keys, Map.copyOf(all), direct, validUntil);
        }

        /** Not to be served from memory after {@code time} (null: no such limit). */
        public Rendered validUntil(Instant time) {
            return new Rendered(body, mediaType, lastModified, keys, headers, direct, time);
        }

        public static Rendered direct(Response response) {
            return new Rendered(null, null, null, Set.of(), Map.of(), response, null);
        }

        public static Rendered bytes(byte[] body, String mediaType, Instant lastModified, Set<String> keys) {
            return new Rendered(body, mediaType, lastModified, keys, Map.of(), null, null);
        }
    }

    private final Representations representations;
    private final ObjectMapper json;
    private final NewsConfig.Http config;
    private final Cache<String, Entry> cache;
    /**
     * Whether responses are kept at all: {@code news.http.cache-bytes} above zero. Off, every request
     * renders and nothing is stored, compressed ahead or shared between concurrent misses.
     */
    private volatile boolean on;
    /** Copies kept after their freshness ran out, served only while the database is unavailable (stale-if-error). */
    private final Cache<String, Entry> stale;
    /**
     * Inflated copies of stored entries for the clients that do not accept gzip, in an eighth of the
     * cache's bytes (the entries have the rest): a hot story is inflated once, not on every request.
     * A copy is used only with the very entry it was made of, so a purge or a new render never meets
     * an old copy.
     */
    private final Cache<String, Inflated> inflated;
    private final Map<String, Set<String>> byKey = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong staleServed = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    /** How long a miss waits for the same key's render in progress: past the statement timeout, so only a stuck render is given up on. */
    private static final Duration RENDER_WAIT = Duration.ofSeconds(30);
    /** Renders in progress, by key, for the misses that arrive meanwhile. */
    private final Map<String, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();

    private record Inflated(Entry entry, byte[] body) {
    }

    /**
     * Nanoseconds from now until {@code until}, at most {@code cap} and at least 0: an instant as far
     * off as an editor may type (the year 2400) is past what a long of nanoseconds holds, so it is
     * compared as an instant before it becomes a duration.
     */
    static long nanosUntil(Instant until, long cap) {
        if (until == null) {
            return cap;
        }
        Instant now = Instant.now();
        if (!until.isAfter(now)) {
            return 0;
        }
        return until.isAfter(now.plusNanos(cap)) ? cap : Duration.between(now, until).toNanos();
    }

    private static long inflatedBytes(long cacheBytes) {
        return cacheBytes / 8;
    }

    private final ValidityHorizon horizon;
    private final ReadReplica replica;
    private final CurrentVertxRequest current;

    ResponseCache(Representations representations, ObjectMapper json, NewsConfig config, ValidityHorizon horizon, ReadReplica replica,
            CurrentVertxRequest current) {
        this.current = current;
        this.horizon = horizon;
        this.replica = replica;
        this.representations = representations;
        this.json = json;
        this.config = config.http();
        this.on = this.config.cacheBytes() > 0;
        long entryBytes = this.config.cacheBytes() - inflatedBytes(this.config.cacheBytes());
        this.cache = Caffeine.newBuilder()
                .maximumWeight(entryBytes)
                .weigher((String key, Entry entry) -> entry.weight(key))
                .expireAfter(new com.github.benmanes.caffeine.cache.Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return nanosUntil(entry.validUntil(), Duration.ofSeconds(ResponseCache.this.config.cacheSeconds()).toNanos());
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                        return expireAfterCreate(key, entry, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
        this.inflated = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, inflatedBytes(this.config.cacheBytes())))
                .weigher((String key, Inflated copy) -> copy.body().length + 2 * key.length() + 160)
                .build();
        this.stale = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, entryBytes))
                .weigher((String key, Entry entry) -> entry.weight(key))
                .expireAfterWrite(Duration.ofDays(1))
                // the stale copy lives longest: the key index follows it, so a purge always reaches both
                .removalListener((String key, Entry entry, RemovalCause cause) -> {
                    if (cause.wasEvicted()) {
                        cache.invalidate(key); // keep every fresh entry indexed
                    }
                    inflated.invalidate(key);
                    if (entry != null && cause != RemovalCause.REPLACED) {
                        entry.keys().forEach(k -> byKey.computeIfPresent(k, (x, set) -> {
                            set.remove(key);
                            return set.isEmpty() ? null : set;
                        }));
                    }
                })
                .build();
    }

    /**
     * Answers from the cache, or renders, stores and answers. {@code variant} separates views of the
     * same URL (a partner's key); {@code kind} picks the Cache-Control policy.
     */
    public Response serve(UriInfo uri, HttpHeaders request, String kind, String variant, Supplier<Rendered> render) {
        String key = key(variant, current.getCurrent().request());
        Entry entry = cache.getIfPresent(key);
        if (entry != null && entry.validUntil() != null && !entry.validUntil().isAfter(Instant.now())) {
            cache.invalidate(key);
            entry = null;
        }
        if (entry != null) {
            hits.incrementAndGet();
            return respond(request, key, entry).build();
        }
        misses.incrementAndGet();
        if (!on) { // off means every request renders
            return render(key, kind, request, render, null);
        }
        // Concurrent misses of one key wait for one render (a purged hot story, an expensive search)
        // instead of each running the same statements: the first renders, the others take its entry.
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = inFlight.putIfAbsent(key, mine);
        if (running == null) {
            try {
                return render(key, kind, request, render, mine);
            } finally {
                mine.complete(null); // nothing to share (not stored, redirected or failed): the others render
                inFlight.remove(key, mine);
            }
        }
        Entry shared = awaitRender(running);
        if (shared != null) {
            coalesced.incrementAndGet();
            return respond(request, key, shared).build();
        }
        return render(key, kind, request, render, null);
    }

    /**
     * Renders and stores; {@code sharing} gets the entry when it is stored (rendered after the last
     * invalidation, still valid), so that requests waiting for this render can answer with it.
     */
    private Response render(String key, String kind, HttpHeaders request, Supplier<Rendered> render, CompletableFuture<Entry> sharing) {
        long before = epoch.get();
        Rendered rendered;
        try {
            rendered = ReadReplica.publicRead(render);
        } catch (RuntimeException e) {
            Entry copy = DatabaseFailures.isUnavailable(e) ? stale.getIfPresent(key) : null;
            if (copy == null) {
                throw e;
            }
            staleServed.incrementAndGet();
            return respond(request, key, copy).header("Warning", "110 - \"Response is Stale\"").build();
        }
        if (rendered.direct() != null) {
            return rendered.direct();
        }
        Instant next = horizon.next();
        Instant validUntil = rendered.validUntil() == null ? next
                : next == null ? rendered.validUntil() : next.isBefore(rendered.validUntil()) ? next : rendered.validUntil();
        // off, the body is compressed only for a client that takes gzip (what on-the-fly compression costs)
        boolean compress = on || Gzip.accepted(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        Entry entry = Entry.of(rendered.body(), compress, rendered.mediaType(), rendered.lastModified(), rendered.keys(),
                cacheControl(kind), rendered.headers(), validUntil, currentRoute());
        if (epoch.get() == before && (entry.validUntil() == null || entry.validUntil().isAfter(Instant.now()))) {
            Entry stored = entry.stored();
            store(key, stored);
            if (sharing != null) {
                sharing.complete(stored);
            }
        }
        return respond(request, key, entry).build();
    }

    private static Entry awaitRender(CompletableFuture<Entry> running) {
        try {
            return running.get(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private Response.ResponseBuilder respond(HttpHeaders request, String key, Entry entry) {
        return representations.respond(request, entry, () -> identity(key, entry));
    }

    /** The uncompressed bytes of a stored entry, inflated at most once while it stays hot. */
    byte[] identity(String key, Entry entry) {
        if (entry.identity() != null) {
            return entry.identity();
        }
        Inflated copy = inflated.getIfPresent(key);
        if (copy != null && copy.entry() == entry) {
            return copy.body();
        }
        byte[] body = Gzip.inflate(entry.gzip(), entry.length());
        if (on) {
            inflated.put(key, new Inflated(entry, body));
        }
        return body;
    }

    /** Responses answered with the entry another request was rendering at the same time. */
    public long coalesced() {
        return coalesced.get();
    }

    /** The JSON bytes of a representation, for {@link Rendered}. */
    public byte[] json(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Rendered rendered(Object body, Instant lastModified, Set<String> keys) {
        return Rendered.bytes(json(body), MediaType.APPLICATION_JSON, lastModified, keys);
    }

    /** Drops every stored response that depends on one of {@code keys}. */
    public void invalidate(Collection<String> keys) {
        epoch.incrementAndGet();
        replica.changed();
        for (String k : keys) {
            Set<String> requests = byKey.remove(k);
            if (requests != null) {
                requests.forEach(cache::invalidate);
                requests.forEach(stale::invalidate); // and, through its removal listener, the inflated copies
            }
        }
    }

    /**
     * Ends the freshness of every stored response now, keeping the stale copies (what time does on its
     * own after {@code news.http.cache-seconds}); the next requests render afresh.
     */
    public void expireAll() {
        epoch.incrementAndGet();
        cache.invalidateAll();
    }

    public void invalidateAll() {
        epoch.incrementAndGet();
        replica.changed();
        cache.invalidateAll();
        stale.invalidateAll();
        inflated.invalidateAll();
        byKey.clear();
    }

    /**
     * Turns keeping responses on or off while running, emptying the cache, for the differential test
     * that replays one corpus with the cache on and off against the same data (a restart with
     * {@code news.http.cache-bytes=0} would start on other demo content). Off is exactly the state that
     * setting gives at start.
     */
    void keep(boolean keep) {
        on = keep && config.cacheBytes() > 0;
        invalidateAll();
    }

    void onNotification(@Observes DatabaseNotifications.Notification notification) {
        if (DatabaseNotifications.CACHE.equals(notification.channel())) {
            invalidate(Set.of(notification.payload().split(" ")));
        }
    }

    /** Purges sent while the listener was down are lost: start afresh. */
    void onReconnect(@Observes DatabaseNotifications.Reconnected reconnected) {
        invalidateAll();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public long staleServed() {
        return staleServed.get();
    }

    public long size() {
        return cache.estimatedSize();
    }

    /** The weight of what is held, fresh and stale copies and inflated copies together: about the heap it takes. */
    public long bytes() {
        return stale.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L)
                + inflated.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    String cacheControl(String kind) {
        return config.cacheControl().getOrDefault(kind, config.cacheControl().getOrDefault("default",
                "public, max-age=60, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400"));
    }

    private void store(String key, Entry entry) {
        if (!on) {
            return; // off: a zero-weight cache would still answer from an entry until its eviction ran
        }
        cache.put(key, entry);
        stale.put(key, entry);
        for (String k : entry.keys()) {
            byKey.computeIfAbsent(k, x -> ConcurrentHashMap.newKeySet()).add(key);
        }
    }

    /**
     * A stored response for an anonymous request ({@link #key} with no variant), if there is one still
     * valid and of a type that {@code accept} admits (the HTTP fast path). Anything else is left to the
     * resources: a 406, or negotiation of another type.
     */
    Entry anonymous(String key, String accept) {
        Entry entry = cache.getIfPresent(key);
        if (entry == null || (entry.validUntil() != null && !entry.validUntil().isAfter(Instant.now()))
                || !AcceptHeader.accepts(accept, entry.mediaType())) {
            return null;
        }
        hits.incrementAndGet();
        return entry;
    }

    @SuppressWarnings("deprecation") // Context locals: where Quarkus REST and Micrometer exchange the template
    private static String currentRoute() {
        Context context = Vertx.currentContext();
        Object template = context == null ? null : context.getLocal(ROUTE_TEMPLATE);
        return template == null ? null : template.toString();
    }

    /**
     * The one key of a request, for the fast path and the resources alike: the variant, the path as
     * sent, and the query's parameters in name order, each name and value decoded and encoded again,
     * so that {@code q=a%26b=c} and {@code q=a&b=c} never share an entry while {@code %7C} and a raw
     * {@code |} do.
     */
    static String key(String variant, HttpServerRequest request) {
        StringBuilder key = new StringBuilder(variant).append('|').append(request.path()).append('?');
        MultiMap params = request.params();
        if (params.isEmpty()) {
            return key.toString();
        }
        new TreeSet<>(params.names()).forEach(name -> {
            String encodedName = encode(name);
            params.getAll(name).forEach(value -> key.append(encodedName).append('=').append(encode(value)).append('&'));
        });
        return key.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
