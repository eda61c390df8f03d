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
 * clients/typescript: the build generated its types from openapi.yaml and compiled it, with the
 * front-end program test/frontend.ts, under {@code tsc --strict}; here that program runs against the app.
 */
@QuarkusTest
class TypeScriptClientTest {

    static final Path CLIENT = Path.of("clients/typescript");

    @Test
    void theFrontEndProgramWorksAgainstTheRunningApi() throws IOException, InterruptedException {
        Path program = CLIENT.resolve("dist/test/frontend.js");
        assertTrue(Files.isRegularFile(program), "the build compiles " + program + " (npm run build)");
        Process run = new ProcessBuilder("node", program.toString(), "http://localhost:8081").redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the program finished");
        assertEquals(0, run.exitValue(), output);
        for (String check : new String[] {"article page: breadcrumb, headline, type label, date", "article page: hero image with caption and credit",
            "article page: blocks rendered by type, the inline related link resolved", "article page: comment count and comments",
            "social card: Open Graph members and JSON-LD", "section front: pages do not overlap", "mirror: changes are typed by what changed",
            "live blog: entries page", "errors: a missing article is a problem document"}) {
            assertTrue(output.contains("\"" + check + "\""), check + " in " + output);
        }
    }
}
