package dispatch.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A sparse fieldset ({@code fields=a,b,c}): the top-level members of a representation a client wants.
 * Only public member names are accepted; anything else is a 400 naming the parameter.
 */
public final class FieldSelection {

    private static final FieldSelection ALL = new FieldSelection(null);
    private final Set<String> fields;

    private FieldSelection(Set<String> fields) {
        this.fields = fields;
    }

    public static FieldSelection parse(String raw, Set<String> allowed) {
        if (raw == null) {
            return ALL;
        }
        Set<String> chosen = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : QueryValues.list(raw, "fields", 50)) {
            if (allowed.contains(name)) {
                chosen.add(name);
            } else {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badParameter("fields", "unknown field(s) " + String.join(", ", unknown)
                    + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return new FieldSelection(chosen);
    }

    /** Whether no fieldset was given: every member is kept. */
    public boolean all() {
        return fields == null;
    }

    public boolean includes(String field) {
        return fields == null || fields.contains(field);
    }

    /** Keeps only the chosen members of an object; a no-op when no fieldset was given. */
    public JsonNode apply(JsonNode node) {
        if (fields != null && node instanceof ObjectNode object) {
            object.retain(fields);
        }
        return node;
    }
}
