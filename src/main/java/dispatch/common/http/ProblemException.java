package dispatch.common.http;

import java.util.List;
import java.util.Map;

/**
 * Thrown by domain and HTTP code to end a request with a problem; {@link ProblemMappers} turns it into
 * an RFC 9457 response. The {@code code} names the kind of problem and becomes its {@code type} URI.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;
    private Integer currentVersion;

    public ProblemException(int status, String code, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "NOT_FOUND", "Not Found", detail, null, null);
    }

    /** A bad query parameter: 400 naming it. */
    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(400, "INVALID_PARAMETER", "Invalid query parameter",
                "Query parameter '" + parameter + "': " + detail,
                List.of(Problem.FieldError.parameter(parameter, detail)), null);
    }

    public static ProblemException badParameters(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? "Query parameter '" + errors.get(0).parameter() + "': " + errors.get(0).detail()
                : errors.size() + " query parameters are invalid";
        return new ProblemException(400, "INVALID_PARAMETER", "Invalid query parameter", detail, errors, null);
    }

    /** A request body that breaks the rules: 400 with a JSON pointer per offending member. */
    public static ProblemException invalidBody(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).pointer() + ": " + errors.get(0).detail()
                : errors.size() + " members of the request body are invalid";
        return new ProblemException(400, "VALIDATION_FAILED", "Validation failed", detail, errors, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "CONFLICT", "Conflict", detail, null, null);
    }

    /** Adds the resource's current version to the problem (a 412 tells the client what it missed). */
    public ProblemException withCurrentVersion(int version) {
        this.currentVersion = version;
        return this;
    }

    public Integer currentVersion() {
        return currentVersion;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
