package dispatch.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the HTTP tests: every response any test receives is validated against openapi.yaml
 * (status, headers, body schema), so the contract cannot drift from what the code serves. Requests
 * are not validated: tests send invalid ones on purpose.
 */
public abstract class ApiTest {

    private static OpenApiValidationFilter contract;

    @BeforeAll
    static void validateEveryResponseAgainstTheContract() {
        if (contract == null) {
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForSpecificationUrl(Path.of("openapi.yaml").toAbsolutePath().toUri().toString())
                    .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                    .build();
            contract = new OpenApiValidationFilter(validator);
            RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        }
        RestAssured.replaceFiltersWith(contract);
    }
}
