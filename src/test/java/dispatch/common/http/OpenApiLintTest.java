package dispatch.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** openapi.yaml lints clean with Spectral's OpenAPI rules (installed by the build into target/tools). */
class OpenApiLintTest {

    @Test
    void theContractLintsClean() throws IOException, InterruptedException {
        Path spectral = Path.of("target/tools/node_modules/.bin/spectral");
        assertTrue(Files.isExecutable(spectral), "the build installs Spectral into " + spectral);
        Process lint = new ProcessBuilder(spectral.toString(), "lint", "openapi.yaml", "--ruleset", ".ci/spectral.yaml",
                "--fail-severity=warn").redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(120, TimeUnit.SECONDS), "Spectral finished");
        assertEquals(0, lint.exitValue(), output);
    }
}
