package dispatch.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupQuotesAndDropsControlCharacters() {
        assertEquals("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;", Html.escape("<a href=\"x\" onclick='y'>&</a>"));
        assertEquals("ab\n", Html.escape("a\u0000b\u0007\n"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void onlyAbsoluteHttpUrlsAreSafe() {
        assertTrue(Html.isSafeUrl("https://example.com/a?b=c"));
        assertTrue(Html.isSafeUrl("HTTP://example.com"));
        assertFalse(Html.isSafeUrl("javascript:alert(1)"));
        assertFalse(Html.isSafeUrl(" javascript:alert(1)"));
        assertFalse(Html.isSafeUrl("data:text/html,x"));
        assertFalse(Html.isSafeUrl("//example.com/x"));
        assertFalse(Html.isSafeUrl("/relative"));
        assertFalse(Html.isSafeUrl("https://"));
        assertFalse(Html.isSafeUrl(null));
    }
}
