package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The response cache is invisible: every public GET of the contract, with and without an origin,
 * with each kind of {@code Accept}, {@code Accept-Encoding} and revalidation, good and bad parameters,
 * is answered the same when it is rendered (a miss, through the resources), when it is repeated (a
 * hit, from the HTTP fast path) and when the cache is off (nothing kept, nothing compressed ahead):
 * same status, same headers but those that name the request itself (date, request id, rate-limit
 * counters), same bytes.
 */
@QuarkusTest
class CacheDifferentialTest {

    /** Headers that describe one request, not the representation. */
    private static final Set<String> PER_REQUEST = Set.of("date", "age", "x-request-id", "ratelimit-remaining", "ratelimit-reset",
            "connection", "keep-alive");
    private static final String SAMPLE = "russian-military-delegation-arrives-in-libya-invited-by-haftar";

    @TestHTTPResource("/")
    URI base;

    @Inject
    ResponseCache cache;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAnswerIsTheSameWithTheCacheOnTwiceAndWithItOff() throws Exception {
        List<String> targets = corpus();
        List<Map<String, String>> variants = List.of(
                Map.of(),
                Map.of("Origin", "https://front.example"),
                Map.of("Accept", "application/json"),
                Map.of("Accept", "application/xml"),
                Map.of("Accept", "text/html, application/json;q=0.5"),
                Map.of("Accept", "application/json;q=0"),
                Map.of("Accept", "*/*"),
                Map.of("Accept-Encoding", "gzip"),
                Map.of("Accept-Encoding", "gzip", "Origin", "https://front.example"),
                Map.of("If-None-Match", "*"),
                Map.of("X-API-Key", "dk_not-a-key"));
        List<String> differences = new ArrayList<>();
        Map<String, Answer> withTheCacheOn = new java.util.LinkedHashMap<>();
        List<Map.Entry<String, Map<String, String>>> requests = new ArrayList<>();
        try {
            for (String target : targets) {
                for (Map<String, String> headers : variants) {
                    Answer rendered = compareMissAndHit(target, headers, differences);
                    requests.add(Map.entry(target, headers));
                    withTheCacheOn.put(target + " " + headers, rendered);
                    if (rendered.status == 200 && rendered.headers.containsKey("etag")) {
                        // revalidation with the entity tag just received: 304 both ways
                        Map<String, String> revalidate = new TreeMap<>(headers);
                        revalidate.put("If-None-Match", rendered.headers.get("etag"));
                        Answer revalidated = compareMissAndHit(target, revalidate, differences);
                        assertEquals(304, revalidated.status, target + " revalidated with its own ETag");
                        requests.add(Map.entry(target, revalidate));
                        withTheCacheOn.put(target + " " + revalidate, revalidated);
                    }
                }
            }
            // the same requests, the same data, nothing kept: what the resources answer on their own
            cache.keep(false);
            long hits = cache.hits();
            for (Map.Entry<String, Map<String, String>> request : requests) {
                String name = request.getKey() + " " + request.getValue();
                Answer off = send(request.getKey(), request.getValue());
                String difference = withTheCacheOn.get(name).differenceFrom(off);
                if (difference != null) {
                    differences.add(name + " (cache on, then off): " + difference);
                }
            }
            assertEquals(hits, cache.hits(), "answers taken from the cache while it is off");
        } finally {
            cache.keep(true);
        }
        assertTrue(requests.size() > 400, "the corpus is large enough to mean something: " + requests.size());
        assertEquals(List.of(), differences.subList(0, Math.min(8, differences.size())),
                differences.size() + " answers differ between the cache's miss, its hit and no cache");
    }

    /** Sends one request to an empty cache and again, notes any difference, and gives the first answer. */
    private Answer compareMissAndHit(String target, Map<String, String> headers, List<String> differences) throws Exception {
        cache.invalidateAll();
        Answer rendered = send(target, headers);
        Answer repeated = send(target, headers);
        String difference = rendered.differenceFrom(repeated);
        if (difference != null) {
            differences.add(target + " " + headers + " (miss, then hit): " + difference.substring(0, Math.min(600, difference.length())));
        }
        return rendered;
    }

    /** Every public GET of openapi.yaml with demo values, and bad parameters. */
    private List<String> corpus() throws Exception {
        String tag = JsonPath.from(send("/api/v1/tags?limit=1", Map.of()).text()).getString("items[0].slug");
        String author = JsonPath.from(send("/api/v1/authors?limit=1", Map.of()).text()).getString("items[0].slug");
        String live = JsonPath.from(send("/api/v1/articles?type=live&limit=1", Map.of()).text()).getString("items[0].slug");
        List<String> targets = new ArrayList<>(Arrays.asList(
                "/api/v1/articles", "/api/v1/articles?limit=3&fields=slug,headline", "/api/v1/articles?section=news&limit=2",
                "/api/v1/articles?tag=" + tag + "&lang=en", "/api/v1/articles?q=libya&sort=relevance&limit=2",
                "/api/v1/articles?q=a%26sort%3Drelevance", "/api/v1/articles/" + SAMPLE, "/api/v1/articles/" + SAMPLE + "?fields=headline",
                "/api/v1/articles/" + SAMPLE + "/related", "/api/v1/articles/" + SAMPLE + "/comments", "/api/v1/articles/" + SAMPLE + "/card",
                "/api/v1/comments/counts?articles=" + SAMPLE, "/api/v1/sections", "/api/v1/sections/news", "/api/v1/tags",
                "/api/v1/tags/" + tag, "/api/v1/authors", "/api/v1/authors/" + author, "/api/v1/articles/" + live + "/live-entries",
                "/feeds/latest.rss", "/feeds/latest.atom", "/feeds/latest.json", "/feeds/sections/news.rss", "/feeds/tags/" + tag + ".atom",
                "/feeds/authors/" + author + ".json", "/feeds/podcast.rss", "/sitemap.xml", "/sitemap-news.xml",
                "/oembed?url=" + java.net.URLEncoder.encode("http://localhost:3000/articles/" + SAMPLE, "UTF-8"), "/api/v1/changes?limit=5",
                // bad input: answered with a problem, never stored
                "/api/v1/articles?limit=0", "/api/v1/articles?nosuch=1", "/api/v1/articles/no-such-article", "/api/v1/sections/no-such",
                "/api/v1/articles?from=not-a-date", "/feeds/sections/no-such.rss", "/api/v1/nothing-here"));
        return targets;
    }

    private Answer send(String target, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(20)).GET();
        headers.forEach(request::header);
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> kept = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!PER_REQUEST.contains(lower)) {
                kept.put(lower, String.join(", ", values));
            }
        });
        // a problem names its request id: the one part of a body that is the request's own
        String id = response.headers().firstValue("X-Request-Id").orElse(null);
        byte[] body = response.body();
        if (id != null) {
            body = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).replace(id, "<request id>")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return new Answer(response.statusCode(), kept, body);
    }

    private record Answer(int status, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        String differenceFrom(Answer other) {
            if (status != other.status) {
                return "status " + status + " then " + other.status;
            }
            if (!headers.equals(other.headers)) {
                Set<String> names = new java.util.TreeSet<>(headers.keySet());
                names.addAll(other.headers.keySet());
                StringBuilder differing = new StringBuilder("status " + status + ", headers");
                for (String name : names) {
                    if (!java.util.Objects.equals(headers.get(name), other.headers.get(name))) {
                        differing.append(' ').append(name).append(": ").append(headers.get(name)).append(" then ").append(other.headers.get(name));
                    }
                }
                return differing.toString();
            }
            if (!Arrays.equals(body, other.body)) {
                return "bodies differ (" + body.length + " and " + other.body.length + " bytes)";
            }
            return null;
        }
    }
}
