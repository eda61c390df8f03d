package dispatch.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import io.restassured.RestAssured;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the HTTP tests: every response any test receives is validated against openapi.yaml
 * (status, headers, body schema), so the contract cannot drift from what the code serves. Requests
 * are not validated: tests send invalid ones on purpose. The one allowance: under {@code fields}, the
 * members left out are missing although the schema requires them (openapi.yaml says so).
 */
public abstract class ApiTest {

    private static OpenApiValidationFilter contract;

    @BeforeAll
    static void validateEveryResponseAgainstTheContract() {
        if (contract == null) {
            OpenApiInteractionValidator validator = OpenApiInteractionValidator
                    .createForSpecificationUrl(Path.of("openapi.yaml").toAbsolutePath().toUri().toString())
                    .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                    .withWhitelist(ValidationErrorsWhitelist.create().withRule("a sparse fieldset leaves the other members out, as documented",
                            (message, operation, request, response) -> request != null && !request.getQueryParameterValues("fields").isEmpty()
                                    && message.getKey().equals("validation.response.body.schema.required")))
                    .build();
            contract = new OpenApiValidationFilter(validator);
            RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        }
        RestAssured.replaceFiltersWith(contract);
    }
}
