package dispatch.common.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dispatch.common.text.ControlCharacters;
import dispatch.common.text.Timestamps;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Every string a client sends arrives without control characters, and every instant is an RFC 3339
 * date-time ({@link Timestamps}), whatever the endpoint.
 */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    /** Last, after Quarkus has registered Jackson's java.time module, whose Instant parser this one replaces. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("dispatch-input").addDeserializer(String.class, new CleanStrings())
                .addDeserializer(Instant.class, new StrictInstants()));
    }

    /** The same cleaning for free-form JSON (article body blocks), in place. */
    public static JsonNode clean(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                if (member.getValue().isTextual()) {
                    member.setValue(TextNode.valueOf(ControlCharacters.strip(member.getValue().asText())));
                } else {
                    clean(member.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(ControlCharacters.strip(array.get(i).asText())));
                } else {
                    clean(array.get(i));
                }
            }
        }
        return node;
    }

    static final class CleanStrings extends StdScalarDeserializer<String> {
        CleanStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return ControlCharacters.strip(StringDeserializer.instance.deserialize(parser, context));
        }
    }

    /** Instants in bodies as in queries: RFC 3339 strings only (no numbers, no expanded years). */
    static final class StrictInstants extends StdScalarDeserializer<Instant> {
        StrictInstants() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getText();
            Instant instant = Timestamps.parse(text);
            if (instant == null) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 date-time with offset");
            }
            return instant;
        }
    }
}
