package dispatch.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dispatch.common.text.Html;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The structured body of an article: a JSON array of blocks ({@code paragraph}, {@code heading},
 * {@code quote}, {@code list}, {@code image}, {@code embed}, {@code related}, {@code audio}).
 * Derives its plain text (search, word count), and renders it as HTML in which every piece of text
 * is escaped and every URL is an absolute http(s) URL, so front ends can inject it as it is.
 */
public final class ArticleBodies {

    static final int WORDS_PER_MINUTE = 230;

    /** What a {@code related} block resolves to when its target is published. */
    public record RelatedLink(String slug, String headline, String webUrl, String apiUrl) {
    }

    private ArticleBodies() {
    }

    /** The readable text of the body, one block per line. */
    public static String plainText(JsonNode blocks) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : iterable(blocks)) {
            switch (block.path("type").asText()) {
                case "paragraph", "heading", "quote" -> line(text, block.path("text").asText(""));
                case "list" -> block.path("items").forEach(item -> line(text, item.asText("")));
                case "image" -> line(text, block.path("image").path("caption").asText(""));
                default -> {
                    // embeds, related links and audio carry no body text of their own
                }
            }
        }
        return text.toString().strip();
    }

    public static int wordCount(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    static int readingTimeMinutes(int words) {
        return Math.max(1, (int) Math.round(words / (double) WORDS_PER_MINUTE));
    }

    /** Slugs named by {@code related} blocks, in order of appearance. */
    public static Set<String> relatedSlugs(JsonNode blocks) {
        Set<String> slugs = new LinkedHashSet<>();
        for (JsonNode block : iterable(blocks)) {
            if ("related".equals(block.path("type").asText()) && block.hasNonNull("slug")) {
                slugs.add(block.get("slug").asText());
            }
        }
        return slugs;
    }

    /**
     * The public form of the blocks: {@code related} blocks gain the target's headline and URLs, or are
     * dropped when the target is not published (a draft's title must never leak through a link).
     */
    public static ArrayNode publicBlocks(JsonNode blocks, Map<String, RelatedLink> related) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode block : iterable(blocks)) {
            if ("related".equals(block.path("type").asText())) {
                RelatedLink link = related.get(block.path("slug").asText());
                if (link != null) {
                    ObjectNode resolved = out.addObject();
                    resolved.put("type", "related").put("slug", link.slug()).put("headline", link.headline())
                            .put("webUrl", link.webUrl()).put("apiUrl", link.apiUrl());
                }
            } else {
                out.add(block.deepCopy());
            }
        }
        return out;
    }

    /** Renders public blocks (see {@link #publicBlocks}) as safe HTML. */
    public static String html(JsonNode publicBlocks) {
        StringBuilder html = new StringBuilder();
        for (JsonNode block : iterable(publicBlocks)) {
            switch (block.path("type").asText()) {
                case "paragraph" -> html.append("<p>").append(text(block, "text")).append("</p>\n");
                case "heading" -> {
                    int level = Math.min(4, Math.max(2, block.path("level").asInt(2)));
                    html.append("<h").append(level).append('>').append(text(block, "text")).append("</h").append(level).append(">\n");
                }
                case "quote" -> {
                    html.append("<blockquote><p>").append(text(block, "text")).append("</p>");
                    if (block.hasNonNull("attribution")) {
                        html.append("<footer>").append(text(block, "attribution")).append("</footer>");
                    }
                    html.append("</blockquote>\n");
                }
                case "list" -> {
                    String tag = "numbered".equals(block.path("style").asText()) ? "ol" : "ul";
                    html.append('<').append(tag).append('>');
                    block.path("items").forEach(item -> html.append("<li>").append(Html.escape(item.asText(""))).append("</li>"));
                    html.append("</").append(tag).append(">\n");
                }
                case "image" -> image(html, block.path("image"));
                case "embed" -> {
                    String url = block.path("url").asText(null);
                    if (Html.isSafeUrl(url)) {
                        String title = block.hasNonNull("title") ? text(block, "title") : Html.escape(url);
                        html.append("<figure class=\"embed\"><a href=\"").append(Html.escape(url))
                                .append("\" rel=\"noopener nofollow\">").append(title).append("</a></figure>\n");
                    }
                }
                case "related" -> html.append("<aside class=\"related\"><span>Related:</span> <a href=\"")
                        .append(Html.escape(block.path("webUrl").asText())).append("\">").append(text(block, "headline"))
                        .append("</a></aside>\n");
                case "audio" -> {
                    String url = block.path("url").asText(null);
                    if (Html.isSafeUrl(url)) {
                        html.append("<figure class=\"audio\"><audio controls preload=\"none\" src=\"").append(Html.escape(url))
                                .append("\"></audio>");
                        if (block.hasNonNull("title")) {
                            html.append("<figcaption>").append(text(block, "title")).append("</figcaption>");
                        }
                        html.append("</figure>\n");
                    }
                }
                default -> {
                    // unknown block types are never rendered
                }
            }
        }
        return html.toString();
    }

    private static void image(StringBuilder html, JsonNode image) {
        String url = image.path("url").asText(null);
        if (!Html.isSafeUrl(url)) {
            return;
        }
        html.append("<figure><img src=\"").append(Html.escape(url)).append("\" alt=\"").append(text(image, "alt")).append('"');
        if (image.path("width").canConvertToInt() && image.path("width").asInt() > 0) {
            html.append(" width=\"").append(image.get("width").asInt()).append('"');
        }
        if (image.path("height").canConvertToInt() && image.path("height").asInt() > 0) {
            html.append(" height=\"").append(image.get("height").asInt()).append('"');
        }
        html.append(" loading=\"lazy\">");
        if (image.hasNonNull("caption") || image.hasNonNull("credit")) {
            html.append("<figcaption>").append(text(image, "caption"));
            if (image.hasNonNull("credit")) {
                html.append(" <span class=\"credit\">").append(text(image, "credit")).append("</span>");
            }
            html.append("</figcaption>");
        }
        html.append("</figure>\n");
    }

    private static String text(JsonNode node, String field) {
        return Html.escape(node.path(field).asText(""));
    }

    private static void line(StringBuilder text, String line) {
        if (!line.isBlank()) {
            text.append(line.strip()).append('\n');
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode blocks) {
        return blocks != null && blocks.isArray() ? blocks : JsonNodeFactory.instance.arrayNode();
    }
}
