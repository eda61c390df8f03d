package dispatch.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.common.NewsConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Turns a public representation into a response: serialized once, with a strong {@code ETag} over
 * the exact bytes, {@code Cache-Control} for shared caches, and a 304 when the client already holds
 * those bytes ({@code If-None-Match}).
 */
@ApplicationScoped
public class Representations {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final CharSequence GZIP = io.vertx.core.http.HttpHeaders.createOptimized("gzip");

    private final ObjectMapper mapper;
    private final CurrentVertxRequest current;
    private final String cacheControl;

    Representations(ObjectMapper mapper, NewsConfig config, CurrentVertxRequest current) {
        this.mapper = mapper;
        this.current = current;
        this.cacheControl = config.http().cacheControl().getOrDefault("default", "public, max-age=60");
    }

    public Response.ResponseBuilder ok(HttpHeaders request, Object body, Instant lastModified) {
        try {
            return bytes(request, mapper.writeValueAsBytes(body), MediaType.APPLICATION_JSON, lastModified);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize a representation", e);
        }
    }

    /**
     * Ready bytes of any media type, not stored (the change feed). 304 when {@code If-None-Match} names
     * these bytes, or, without it, when {@code If-Modified-Since} is not older than {@code lastModified};
     * gzip-coded, with that coding's entity tag, for a client that accepts gzip.
     */
    public Response.ResponseBuilder bytes(HttpHeaders request, byte[] bytes, String mediaType, Instant lastModified) {
        RoutingContext context = current.getCurrent();
        boolean gzip = codesItself(context) && Gzip.accepted(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? Gzip.etag(etagOf(bytes)) : etagOf(bytes);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean fresh = ifNoneMatch != null ? matches(ifNoneMatch, etag)
                : notModifiedSince(request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), lastModified);
        Response.ResponseBuilder builder = fresh ? Response.notModified() : Response.ok(gzip ? Gzip.compress(bytes) : bytes, mediaType);
        coding(context, fresh, gzip);
        builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, "Accept-Encoding");
        if (lastModified != null) {
            builder.header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified));
        }
        return builder;
    }

    /**
     * Whether the body's coding is chosen here, or left to the HTTP layer's compressor: over HTTP/2
     * Netty compresses whatever a response names as its coding, so a gzip body would be compressed
     * twice; there the identity bytes are sent and compressed on the way, as any other response.
     */
    static boolean codesItself(RoutingContext context) {
        return context == null || context.request().version() != HttpVersion.HTTP_2;
    }

    /** Whether this request is sent a stored entry's gzip bytes as they are. */
    static boolean sendsGzip(RoutingContext context, ResponseCache.Entry entry, String acceptEncoding) {
        return codesItself(context) && entry.gzipFor(acceptEncoding);
    }

    /**
     * Names the coding of the body on the HTTP response itself, replacing the {@code identity} that
     * Quarkus puts there to keep its compressor off (a JAX-RS header would be added beside it, and the
     * compressor would then drop both). {@code identity} keeps an HTTP/1 body as it is (and is not
     * sent): the coding is chosen here, once, for a body whose entity tag names it. A 304 has no body
     * and names no coding (the HTTP compressor does not run for it, so a marker would be sent as it is).
     */
    private static void coding(RoutingContext context, boolean notModified, boolean gzip) {
        if (context == null) {
            return;
        }
        if (notModified) {
            context.response().headers().remove(io.vertx.core.http.HttpHeaders.CONTENT_ENCODING);
        } else if (codesItself(context)) {
            context.response().headers().set(io.vertx.core.http.HttpHeaders.CONTENT_ENCODING,
                    gzip ? GZIP : io.vertx.core.http.HttpHeaders.IDENTITY);
        }
    }

    static boolean notModifiedSince(String ifModifiedSince, Instant lastModified) {
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            Instant since = java.time.ZonedDateTime.parse(ifModifiedSince, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(since);
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Answers with a stored response: 304 when the client holds these bytes, else 200; gzip-coded (with
     * the gzip coding's own entity tag) for a client that accepts it, else the bytes of
     * {@code identity}; with the surrogate keys it depends on as {@code Surrogate-Key} (Fastly style,
     * space-separated) and {@code Cache-Tag} (Cloudflare style, comma-separated) for CDN purges.
     */
    Response.ResponseBuilder respond(HttpHeaders request, ResponseCache.Entry entry, Supplier<byte[]> identity) {
        RoutingContext context = current.getCurrent();
        boolean gzip = sendsGzip(context, entry, request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? entry.gzipEtag() : entry.etag();
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean fresh = ifNoneMatch != null ? matches(ifNoneMatch, etag)
                : notModifiedSince(request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), entry.lastModified());
        Response.ResponseBuilder builder = fresh ? Response.notModified() : Response.ok(gzip ? entry.gzip() : identity.get(), entry.mediaType());
        coding(context, fresh, gzip);
        builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, entry.cacheControl())
                .header(HttpHeaders.VARY, "Accept-Encoding");
        if (!entry.keys().isEmpty()) {
            builder.header("Surrogate-Key", entry.surrogateKey()).header("Cache-Tag", entry.cacheTag());
        }
        if (entry.lastModifiedHttp() != null) {
            builder.header(HttpHeaders.LAST_MODIFIED, entry.lastModifiedHttp());
        }
        entry.headers().forEach(builder::header);
        return builder;
    }

    /** An HTTP date in the IMF-fixdate form of RFC 9110 section 5.6.7, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static String httpDate(Instant time) {
        return HTTP_DATE.format(time);
    }

    /** A strong entity tag over the exact response bytes. */
    static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** If-None-Match uses weak comparison (RFC 9110 13.1.2): {@code W/"x"} matches {@code "x"}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

}
