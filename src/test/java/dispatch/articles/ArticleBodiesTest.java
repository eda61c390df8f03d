package dispatch.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode blocks(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void plainTextJoinsTextualBlocksAndSkipsMedia() throws Exception {
        JsonNode body = blocks("[{\"type\":\"heading\",\"text\":\"Title\"},{\"type\":\"paragraph\",\"text\":\" One two. \"},"
                + "{\"type\":\"list\",\"items\":[\"a\",\"b\"]},{\"type\":\"audio\",\"url\":\"https://x.example/a.mp3\"},"
                + "{\"type\":\"image\",\"image\":{\"url\":\"https://x.example/a.jpg\",\"caption\":\"A caption\"}}]");
        assertEquals("Title\nOne two.\na\nb\nA caption", ArticleBodies.plainText(body));
        assertEquals(7, ArticleBodies.wordCount(ArticleBodies.plainText(body)));
    }

    @Test
    void wordCountAndReadingTimeHandleEmptyText() {
        assertEquals(0, ArticleBodies.wordCount(null));
        assertEquals(0, ArticleBodies.wordCount("   "));
        assertEquals(1, ArticleBodies.readingTimeMinutes(0));
        assertEquals(2, ArticleBodies.readingTimeMinutes(460));
    }

    @Test
    void everyBlockTypeRendersWithEscapedText() throws Exception {
        String html = ArticleBodies.html(blocks("[{\"type\":\"paragraph\",\"text\":\"a < b & c\"},"
                + "{\"type\":\"heading\",\"text\":\"H\",\"level\":9},"
                + "{\"type\":\"quote\",\"text\":\"Q\",\"attribution\":\"<b>X</b>\"},"
                + "{\"type\":\"list\",\"style\":\"numbered\",\"items\":[\"1\",\"2\"]},"
                + "{\"type\":\"image\",\"image\":{\"url\":\"https://i.example/p.jpg\",\"alt\":\"alt\",\"caption\":\"Cap\",\"credit\":\"Cred\",\"width\":10,\"height\":5}},"
                + "{\"type\":\"embed\",\"url\":\"https://video.example/v/1\",\"title\":\"Watch\"},"
                + "{\"type\":\"audio\",\"url\":\"https://a.example/e.mp3\",\"title\":\"Listen\"},"
                + "{\"type\":\"unknown\",\"text\":\"never shown\"}]"));
        assertEquals("<p>a &lt; b &amp; c</p>\n"
                + "<h4>H</h4>\n"
                + "<blockquote><p>Q</p><footer>&lt;b&gt;X&lt;/b&gt;</footer></blockquote>\n"
                + "<ol><li>1</li><li>2</li></ol>\n"
                + "<figure><img src=\"https://i.example/p.jpg\" alt=\"alt\" width=\"10\" height=\"5\" loading=\"lazy\"><figcaption>Cap <span class=\"credit\">Cred</span></figcaption></figure>\n"
                + "<figure class=\"embed\"><a href=\"https://video.example/v/1\" rel=\"noopener nofollow\">Watch</a></figure>\n"
                + "<figure class=\"audio\"><audio controls preload=\"none\" src=\"https://a.example/e.mp3\"></audio><figcaption>Listen</figcaption></figure>\n",
                html);
    }

    @Test
    void unsafeUrlsAreNeverRendered() throws Exception {
        String html = ArticleBodies.html(blocks("[{\"type\":\"embed\",\"url\":\"javascript:alert(1)\"},"
                + "{\"type\":\"image\",\"image\":{\"url\":\"data:text/html;base64,xx\"}},"
                + "{\"type\":\"audio\",\"url\":\"//evil.example/a.mp3\"},{\"type\":\"embed\",\"url\":\"JAVASCRIPT:alert(1)\"}]"));
        assertEquals("", html);
    }

    @Test
    void relatedBlocksResolveToPublishedTargetsOrDisappear() throws Exception {
        JsonNode body = blocks("[{\"type\":\"related\",\"slug\":\"live-one\"},{\"type\":\"related\",\"slug\":\"draft-one\"}]");
        assertEquals(Set.of("live-one", "draft-one"), ArticleBodies.relatedSlugs(body));
        JsonNode resolved = ArticleBodies.publicBlocks(body, Map.of("live-one",
                new ArticleBodies.RelatedLink("live-one", "Live <one>", "https://site.example/live-one", "https://api.example/live-one")));
        assertEquals(1, resolved.size());
        assertEquals("Live <one>", resolved.get(0).get("headline").asText());
        String html = ArticleBodies.html(resolved);
        assertTrue(html.contains("Live &lt;one&gt;"));
        assertFalse(html.contains("draft-one"));
    }

    @Test
    void missingOrMalformedBodyRendersNothing() {
        assertEquals("", ArticleBodies.html(null));
        assertEquals("", ArticleBodies.plainText(JSON.createObjectNode()));
    }
}
