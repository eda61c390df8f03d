package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * examples/web in a real browser: Debian's Chromium, driven by examples/web/test/browser.mjs, loads the
 * reference page from an origin of its own against this app, checks the article page and a paged section
 * front, and leaves screenshots in target/screenshots.
 */
@QuarkusTest
class ReferencePageBrowserTest {

    static final Path SHOTS = Path.of("target/screenshots");

    @Test
    void theReferencePageRendersTheSampleArticleAndPagesASectionFromAnotherOrigin() throws IOException, InterruptedException {
        Process run = new ProcessBuilder("node", "examples/web/test/browser.mjs", "http://localhost:8081", SHOTS.toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(180, TimeUnit.SECONDS), "the browser test finished");
        assertEquals(0, run.exitValue(), output);
        for (String check : new String[] {"article page", "related link", "section front with paging", "no console errors"}) {
            assertTrue(output.contains("\"" + check + "\""), check + " in " + output);
        }
        assertTrue(Files.size(SHOTS.resolve("article.png")) > 10_000, "a screenshot of the article page");
        assertTrue(Files.size(SHOTS.resolve("section.png")) > 10_000, "a screenshot of the section front");
    }
}
