package dispatch.common.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dispatch.common.text.ControlCharacters;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** Every string a client sends arrives without control characters, whatever the endpoint. */
@Singleton
public class JsonInput implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("dispatch-input").addDeserializer(String.class, new CleanStrings()));
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
}
