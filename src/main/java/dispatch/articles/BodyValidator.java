package dispatch.articles;

import com.fasterxml.jackson.databind.JsonNode;
import dispatch.common.http.Problem;
import dispatch.common.text.Html;
import dispatch.common.text.Slugs;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks body blocks: known types, their required members with the right JSON types, no unknown
 * members, http(s) URLs only, and size limits. Every problem names its JSON pointer.
 */
public final class BodyValidator {

    static final int MAX_BLOCKS = 500;
    static final int MAX_TEXT = 10_000;
    static final int MAX_TOTAL_TEXT = 200_000;
    static final int MAX_URL = 2_000;

    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "paragraph", Set.of("type", "text"),
            "heading", Set.of("type", "text", "level"),
            "quote", Set.of("type", "text", "attribution"),
            "list", Set.of("type", "style", "items"),
            "image", Set.of("type", "image"),
            "embed", Set.of("type", "url", "title", "provider"),
            "related", Set.of("type", "slug"),
            "audio", Set.of("type", "url", "mimeType", "durationSeconds", "sizeBytes", "title", "transcript"));
    static final Set<String> IMAGE_MEMBERS = Set.of("url", "caption", "credit", "alt", "width", "height");

    private final List<Problem.FieldError> errors = new ArrayList<>();
    private int totalText;

    private BodyValidator() {
    }

    /** The problems of a body; empty when it is valid. */
    public static List<Problem.FieldError> check(List<JsonNode> blocks, String pointer) {
        BodyValidator v = new BodyValidator();
        if (blocks.size() > MAX_BLOCKS) {
            v.error(pointer, "at most " + MAX_BLOCKS + " blocks");
            return v.errors;
        }
        for (int i = 0; i < blocks.size(); i++) {
            v.block(blocks.get(i), pointer + "/" + i);
        }
        if (v.totalText > MAX_TOTAL_TEXT) {
            v.error(pointer, "the body's text is longer than " + MAX_TOTAL_TEXT + " characters");
        }
        return v.errors;
    }

    private void block(JsonNode block, String at) {
        if (block == null || !block.isObject()) {
            error(at, "a block must be an object with a type");
            return;
        }
        String type = block.path("type").isTextual() ? block.get("type").asText() : null;
        Set<String> members = type == null ? null : MEMBERS.get(type);
        if (members == null) {
            error(at + "/type", "unknown block type; allowed: " + String.join(", ", MEMBERS.keySet().stream().sorted().toList()));
            return;
        }
        unknownMembers(block, members, at);
        switch (type) {
            case "paragraph" -> text(block, "text", at, true, MAX_TEXT);
            case "heading" -> {
                text(block, "text", at, true, 500);
                if (block.has("level") && !(block.get("level").isInt() && block.get("level").asInt() >= 2 && block.get("level").asInt() <= 4)) {
                    error(at + "/level", "must be 2, 3 or 4");
                }
            }
            case "quote" -> {
                text(block, "text", at, true, MAX_TEXT);
                text(block, "attribution", at, false, 300);
            }
            case "list" -> {
                if (block.has("style") && !Set.of("bulleted", "numbered").contains(block.get("style").asText(""))) {
                    error(at + "/style", "must be bulleted or numbered");
                }
                JsonNode items = block.get("items");
                if (items == null || !items.isArray() || items.isEmpty() || items.size() > 100) {
                    error(at + "/items", "must be an array of 1 to 100 strings");
                } else {
                    for (int i = 0; i < items.size(); i++) {
                        if (!items.get(i).isTextual() || items.get(i).asText().isBlank() || items.get(i).asText().length() > 2000) {
                            error(at + "/items/" + i, "must be a non-empty string of at most 2000 characters");
                        } else {
                            totalText += items.get(i).asText().length();
                        }
                    }
                }
            }
            case "image" -> image(block.get("image"), at + "/image");
            case "embed" -> {
                url(block, "url", at);
                text(block, "title", at, false, 300);
                text(block, "provider", at, false, 100);
            }
            case "related" -> {
                if (!block.path("slug").isTextual() || !Slugs.isValid(block.get("slug").asText())) {
                    error(at + "/slug", "must be the slug of an article");
                }
            }
            case "audio" -> {
                url(block, "url", at);
                if (!block.path("mimeType").isTextual() || !block.get("mimeType").asText().matches("audio/[a-z0-9.+-]+")) {
                    error(at + "/mimeType", "must be an audio MIME type such as audio/mpeg");
                }
                for (String number : List.of("durationSeconds", "sizeBytes")) {
                    if (block.has(number) && !(block.get(number).canConvertToLong() && block.get(number).asLong() >= 0)) {
                        error(at + "/" + number, "must be a non-negative integer");
                    }
                }
                text(block, "title", at, false, 300);
                text(block, "transcript", at, false, 100_000);
            }
            default -> throw new IllegalStateException(type);
        }
    }

    /** Checks an image object (a hero image or an image block's image). */
    void image(JsonNode image, String at) {
        if (image == null || !image.isObject()) {
            error(at, "must be an object with a url");
            return;
        }
        unknownMembers(image, IMAGE_MEMBERS, at);
        url(image, "url", at);
        text(image, "caption", at, false, 1000);
        text(image, "credit", at, false, 300);
        text(image, "alt", at, false, 1000);
        for (String dimension : List.of("width", "height")) {
            if (image.has(dimension) && !image.get(dimension).isNull()
                    && !(image.get(dimension).canConvertToInt() && image.get(dimension).asInt() > 0)) {
                error(at + "/" + dimension, "must be a positive integer");
            }
        }
    }

    private void unknownMembers(JsonNode node, Set<String> allowed, String at) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(at + "/" + name, "unknown member; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private void text(JsonNode node, String member, String at, boolean required, int max) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                error(at + "/" + member, "is required");
            }
            return;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            error(at + "/" + member, "must be a non-empty string");
        } else if (value.asText().length() > max) {
            error(at + "/" + member, "at most " + max + " characters");
        } else {
            totalText += value.asText().length();
        }
    }

    private void url(JsonNode node, String member, String at) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual() || value.asText().length() > MAX_URL || !Html.isSafeUrl(value.asText())) {
            error(at + "/" + member, "must be an absolute http(s) URL");
        }
    }

    private void error(String pointer, String detail) {
        errors.add(Problem.FieldError.pointer(pointer, detail));
    }

    /** The problems of one image object alone (hero images). */
    static List<Problem.FieldError> checkImage(JsonNode image, String pointer) {
        BodyValidator v = new BodyValidator();
        v.image(image, pointer);
        return v.errors;
    }
}
