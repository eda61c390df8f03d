package dispatch.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dispatch.support.ApiTest;
import dispatch.support.Newsroom;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sends thousands of generated requests, driven by openapi.yaml (a fixed list, so a run repeats
 * exactly): every operation, every query parameter given hostile values (dates at the extremes,
 * control bytes, encoded separators), every path parameter given control bytes, every request body
 * replaced by wrong JSON types, and every member of every request body set to hostile values one at a
 * time. Nothing may answer
 * 5xx, and every answer must match the contract (the base class validates each response).
 */
@QuarkusTest
class FuzzTest extends ApiTest {

    static final List<String> VALUES = List.of("", "x", "-1", "0", "1", "99999999999999999999", "%00", "' OR 1=1--", "{}", "[]",
            "a".repeat(3000), "😀", "2023-13-45", "../../etc/passwd", "<script>alert(1)</script>", "null", "true", "1e309", "a,b,,c",
            "-", "|", "news|", ",-", "\"unclosed",
            // dates at the extremes: expanded years, year 0 and 9999, no offset
            "+294277-01-01T00:00:00Z", "-294277-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z", "2026-12-08T10:00:00",
            // control bytes and encoded separators
            "%01", "%7F", "%0D%0Ax", "a%00b", "a%26sort%3Drelevance", "a%2Cb", "%7C");
    /** What every field of every request body is set to, one at a time. */
    static final List<Object> FIELD_VALUES = List.of("", "x".repeat(5000), "a\u0000b", "+294277-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", -1, Long.MAX_VALUE, 1.5, true, List.of(),
            List.of("x", 1), Map.of(), Map.of("type", "paragraph"), "<script>alert(1)</script>", "a&b=c", "../../x", "😀");
    static final List<String> BODIES = List.of("{}", "[]", "\"text\"", "42", "null", "{\"headline\": []}", "{\"body\": {}}",
            "{\"username\": {}, \"password\": []}", "{\"authorName\": 1, \"body\": true}", "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}",
            "not json", "{\"ids\": [\"x\"], \"action\": 7}");
    static final String SAMPLE = "russian-military-delegation-arrives-in-libya-invited-by-haftar";

    @Test
    void noGeneratedRequestGetsA5xxOrLeavesTheContract() throws Exception {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi.yaml"));
        String token = Newsroom.adminToken();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().endsWith("/stream")) {
                continue; // an event stream stays open; it has its own tests
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (method.equals("DELETE")) {
                    continue; // destructive with valid ids; its refusals are covered elsewhere
                }
                String url = concrete(path.getKey());
                boolean secured = op.getValue().has("x-roles");
                for (JsonNode p : parameters(spec, op.getValue())) {
                    if (!"query".equals(p.path("in").asText())) {
                        continue;
                    }
                    for (String value : VALUES) {
                        Response r = request(secured, token).queryParam(p.get("name").asText(), value).request(method, url);
                        sent++;
                        check(r, method + " " + url + "?" + p.get("name").asText() + "=" + abbreviate(value), failures);
                    }
                }
                if (op.getValue().has("requestBody")) {
                    for (String body : BODIES) {
                        Response r = request(secured, token).contentType("application/json").body(body).request(method, url);
                        sent++;
                        check(r, method + " " + url + " body " + abbreviate(body), failures);
                    }
                }
                if (op.getValue().has("requestBody")) {
                    for (String field : bodyFields(spec, op.getValue())) {
                        for (Object value : FIELD_VALUES) {
                            String body = JSON.writeValueAsString(Map.of(field, value));
                            Response r = request(secured, token).contentType("application/json").body(body).request(method, url);
                            sent++;
                            check(r, method + " " + url + " with " + field + " = " + abbreviate(String.valueOf(value)), failures);
                        }
                    }
                }
                for (String junk : List.of("%ZZ", "..%2F..%2F", "a".repeat(500), "%00", "a%00", "%01", "%7F", "%0D%0A", "%C0%AF")) {
                    if (path.getKey().contains("{")) {
                        Response r = request(secured, token).request(method, path.getKey().replaceAll("\\{[^}]+}", junk));
                        sent++;
                        check(r, method + " " + path.getKey() + " with " + abbreviate(junk), failures);
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(sent > 5000, "thousands of requests: " + sent);
        assertEquals(List.of(), failures, "of " + sent + " generated requests");
    }

    private static RequestSpecification request(boolean secured, String token) {
        RequestSpecification spec = given().urlEncodingEnabled(true).redirects().follow(false);
        return secured ? spec.auth().oauth2(token) : spec;
    }

    private static void check(Response r, String what, List<String> failures) {
        if (r.statusCode() >= 500 && r.statusCode() != 501 && r.statusCode() != 503) {
            failures.add(r.statusCode() + " for " + what);
        }
        String type = r.contentType();
        if (r.statusCode() >= 400 && (type == null || !type.startsWith("application/problem+json"))) {
            failures.add(r.statusCode() + " without problem+json (" + type + ") for " + what);
        }
        String body = r.asString();
        if (body.contains("Exception") || body.contains("at dispatch.") || body.contains("org.hibernate")) {
            failures.add("internals leak for " + what);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The members of an operation's JSON request body, as its schema names them. */
    private static List<String> bodyFields(JsonNode spec, JsonNode op) {
        List<String> fields = new ArrayList<>();
        for (JsonNode media : op.path("requestBody").path("content")) {
            JsonNode schema = media.path("schema");
            if (schema.has("$ref")) {
                schema = spec.at(schema.get("$ref").asText().substring(1));
            }
            schema.path("properties").fieldNames().forEachRemaining(name -> {
                if (!fields.contains(name)) {
                    fields.add(name);
                }
            });
        }
        return fields;
    }

    private static List<JsonNode> parameters(JsonNode spec, JsonNode op) {
        List<JsonNode> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            params.add(p.has("$ref") ? spec.at(p.get("$ref").asText().substring(1)) : p);
        }
        return params;
    }

    /** A URL for an operation: real slugs where they matter, a random id elsewhere. */
    private static String concrete(String template) {
        return template.replace("{slug}.", "news.").replace("/articles/{slug}", "/articles/" + SAMPLE).replace("{slug}", "news")
                .replace("{id}", "00000000-0000-0000-0000-000000000000").replace("{entryId}", "00000000-0000-0000-0000-000000000000")
                .replace("{number}", "1").replace("{deliveryId}", "1").replace("{token}", "abc").replace("{year}", "2023")
                .replace("{month}", "08");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
