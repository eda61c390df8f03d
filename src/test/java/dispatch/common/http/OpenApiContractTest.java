package dispatch.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dispatch.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi.yaml is the contract: the app serves exactly it, and it names exactly the operations and parameters the code has. */
@QuarkusTest
class OpenApiContractTest extends ApiTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void servedSpecIsTheCommittedContract() throws Exception {
        JsonNode committed = YAML.readTree(new File("openapi.yaml"));
        JsonNode served = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        java.util.List<String> differences = new java.util.ArrayList<>();
        diff(canonical(committed), canonical(served), "", differences);
        assertEquals(java.util.List.of(), differences, "served /q/openapi differs from openapi.yaml at these pointers");
    }

    /** allOf lists mean the same in any order; the server may reorder them. */
    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
            copy.fields().forEachRemaining(e -> {
                JsonNode value = canonical(e.getValue());
                if (e.getKey().equals("allOf") && value.isArray()) {
                    java.util.List<JsonNode> items = new java.util.ArrayList<>();
                    value.forEach(items::add);
                    items.sort(java.util.Comparator.comparing(JsonNode::toString));
                    value = new ObjectMapper().createArrayNode().addAll(items);
                }
                e.setValue(value);
            });
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = new ObjectMapper().createArrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return node;
    }

    private static void diff(JsonNode expected, JsonNode actual, String pointer, java.util.List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode e = expected.get(name), a = actual.get(name);
                if (e == null || a == null) {
                    out.add(pointer + "/" + name + (e == null ? " (only served)" : " (only in openapi.yaml)"));
                } else {
                    diff(e, a, pointer + "/" + name, out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(expected.get(i), actual.get(i), pointer + "/" + i, out);
            }
        } else {
            out.add(pointer + ": " + expected + " != " + actual);
        }
    }

    @Test
    void everyOperationAndQueryParameterOfTheCodeIsInTheContractAndNothingElse() throws Exception {
        JsonNode spec = YAML.readTree(new File("openapi.yaml"));
        Map<String, Set<String>> documented = operationsInSpec(spec);
        Map<String, Set<String>> implemented = operationsInCode();
        List<String> differences = new java.util.ArrayList<>();
        for (String operation : new TreeSet<>(java.util.stream.Stream.concat(documented.keySet().stream(), implemented.keySet().stream()).toList())) {
            if (!documented.containsKey(operation)) {
                differences.add(operation + " is not in openapi.yaml");
            } else if (!implemented.containsKey(operation)) {
                differences.add(operation + " is in openapi.yaml but not in the code");
            } else if (!documented.get(operation).equals(implemented.get(operation))) {
                differences.add(operation + " query parameters: openapi.yaml " + documented.get(operation) + ", code " + implemented.get(operation));
            }
        }
        assertEquals(List.of(), differences);
    }

    /** "GET /api/v1/articles/{slug}" → its query parameter names. */
    private static Map<String, Set<String>> operationsInSpec(JsonNode spec) {
        Map<String, Set<String>> operations = new TreeMap<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            Set<String> params = new TreeSet<>();
            for (JsonNode p : op.getValue().path("parameters")) {
                JsonNode param = p.has("$ref") ? resolve(spec, p.get("$ref").asText()) : p;
                if (param.get("in").asText().equals("query")) {
                    params.add(param.get("name").asText());
                }
            }
            operations.put(op.getKey().toUpperCase() + " " + path.getKey(), params);
        }));
        return operations;
    }

    private static JsonNode resolve(JsonNode spec, String ref) {
        return spec.at(ref.substring(1));
    }

    private static Map<String, Set<String>> operationsInCode() throws Exception {
        Map<String, Set<String>> operations = new TreeMap<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verbOf(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = sub == null ? base : (base.endsWith("/") ? base : base + "/") + sub.value();
                for (String literal : expand(path)) {
                    operations.put(verb + " " + literal, new TreeSet<>(QueryParameterAllowList.declaredBy(method)));
                }
            }
        }
        return operations;
    }

    /**
     * JAX-RS templates as OpenAPI paths: {@code {format: rss|atom|json}} becomes one path per
     * alternative, and any other regex is dropped ({@code {year: [0-9]{4}}} becomes {@code {year}}).
     */
    static java.util.List<String> expand(String template) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+):\\s*([a-z|]+)}").matcher(template);
        if (m.find()) {
            java.util.List<String> paths = new java.util.ArrayList<>();
            for (String alternative : m.group(2).split("\\|")) {
                paths.addAll(expand(template.substring(0, m.start()) + alternative + template.substring(m.end())));
            }
            return paths;
        }
        return java.util.List.of(template.replaceAll("\\{(\\w+):(?:[^{}]|\\{\\d+(?:,\\d*)?})*}", "{$1}"));
    }

    private static String verbOf(Method method) {
        for (Class<? extends Annotation> verb : java.util.List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    /** Every class under dispatch/ with a JAX-RS {@code @Path}. */
    private static Set<Class<?>> resourceClasses() throws Exception {
        Set<Class<?>> classes = new java.util.HashSet<>();
        URL location = dispatch.articles.ArticleResource.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path dir = java.nio.file.Path.of(location.toURI()).resolve("dispatch");
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Iterator<java.nio.file.Path> it = files.iterator(); it.hasNext();) {
                java.nio.file.Path file = it.next();
                String name = dir.getParent().relativize(file).toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName(name.replace(".class", "").replace(File.separatorChar, '.'));
                    if (type.isAnnotationPresent(Path.class)) {
                        classes.add(type);
                    }
                }
            }
        }
        return classes;
    }
}
