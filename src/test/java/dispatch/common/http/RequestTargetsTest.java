package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestTargetsTest {

    @Test
    void whatBrowsersSendRawIsWellFormed() {
        assertNull(RequestTargets.refusal("/api/v1/articles?tag=libya|egypt,-sport&q={a}^b`[c]"));
        assertNull(RequestTargets.refusal("/api/v1/articles?q=caf%C3%A9+au+lait&section=news%7Cculture"));
        assertNull(RequestTargets.refusal("/api/v1/tags/%E6%97%A5%E6%9C%AC"));
        assertNull(RequestTargets.refusal("/api/v1/articles?q=line%0Abreak"));
    }

    @Test
    void brokenEscapesAreRefused() {
        assertNotNull(RequestTargets.refusal("/api/v1/articles?q=%zz"));
        assertNotNull(RequestTargets.refusal("/api/v1/articles?q=100%"));
        assertNotNull(RequestTargets.refusal("/api/v1/articles/a%4"));
        assertNotNull(RequestTargets.refusal("/api/v1/articles?q=%C3%28"));
        assertNotNull(RequestTargets.refusal("/api/v1/articles?q=%C3"));
        assertNotNull(RequestTargets.refusal("/api/v1/articles?q=%FF%FE"));
    }

    @Test
    void controlCharactersAreRefusedInThePathAndNulEverywhere() {
        assertNotNull(RequestTargets.refusal("/api/v1/articles/%00"));
        assertNotNull(RequestTargets.refusal("/api/v1/articles/a%0Ab"));
        assertNotNull(RequestTargets.refusal("/api/v1/articles?q=a%00"));
        assertNotNull(RequestTargets.refusal("/api/v1/articles/a\u0001b"));
    }

    @Test
    void anOverlongTargetIsRefused() {
        assertNull(RequestTargets.refusal("/a?q=" + "x".repeat(RequestTargets.MAX_TARGET - 5)));
        assertNotNull(RequestTargets.refusal("/a?q=" + "x".repeat(RequestTargets.MAX_TARGET)));
    }
}
