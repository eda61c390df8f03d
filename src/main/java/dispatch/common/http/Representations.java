package dispatch.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.common.NewsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Turns a public representation into a response: serialized once, with a strong {@code ETag} over
 * the exact bytes, {@code Cache-Control} for shared caches, and a 304 when the client already holds
 * those bytes ({@code If-None-Match}).
 */
@ApplicationScoped
public class Representations {

    private final ObjectMapper mapper;
    private final String cacheControl;

    Representations(ObjectMapper mapper, NewsConfig config) {
        this.mapper = mapper;
        NewsConfig.Http http = config.http();
        this.cacheControl = "public, max-age=" + http.maxAge() + ", s-maxage=" + http.sMaxAge()
                + ", stale-while-revalidate=" + http.staleWhileRevalidate() + ", stale-if-error=" + http.staleIfError();
    }

    public Response.ResponseBuilder ok(HttpHeaders request, Object body, Instant lastModified) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialize a representation", e);
        }
        String etag = etagOf(bytes);
        Response.ResponseBuilder builder = matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)
                ? Response.notModified()
                : Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE);
        builder.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, "Accept-Encoding");
        if (lastModified != null) {
            builder.lastModified(Date.from(lastModified));
        }
        return builder;
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
