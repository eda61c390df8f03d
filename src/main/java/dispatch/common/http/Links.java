package dispatch.common.http;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Absolute links into this API, built from its configured public base URL. */
public final class Links {

    private Links() {
    }

    /**
     * The request's own URL with {@code cursor} replaced: the target of {@code Link: <...>; rel="next"}. Parameters
     * come in name order, so the next page has one URL (one CDN cache entry) whatever order a client wrote them in.
     */
    public static String withCursor(String apiUrl, UriInfo uri, String cursor) {
        String query = query(uri, "cursor");
        return trimSlash(apiUrl) + uri.getPath() + (query.isEmpty() ? "?" : "?" + query + "&") + "cursor=" + encode(cursor);
    }

    /**
     * The request's query parameters, but {@code leaveOut}, in name order and encoded again: what a link
     * built from a request can carry, however the client wrote it (raw {@code |} included).
     */
    public static String query(UriInfo uri, String leaveOut) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, List<String>> param : new TreeMap<>(uri.getQueryParameters()).entrySet()) {
            if (param.getKey().equals(leaveOut)) {
                continue;
            }
            for (String value : param.getValue()) {
                query.append(query.isEmpty() ? "" : "&").append(encode(param.getKey())).append('=').append(encode(value));
            }
        }
        return query.toString();
    }

    /** An author's profile page on the site: {@code {site}/authors/{slug}}. */
    public static String authorPage(String siteUrl, String slug) {
        return trimSlash(siteUrl) + "/authors/" + slug;
    }

    public static String nextHeader(String url) {
        return "<" + url + ">; rel=\"next\"";
    }

    public static String trimSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
