package dispatch.common.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), with our extensions:
 * {@code code} (stable, UPPER_SNAKE), {@code requestId}, for validation problems {@code errors}, and for
 * a failed precondition the resource's {@code currentVersion}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
        String requestId, List<FieldError> errors, Integer currentVersion) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "urn:dispatch:problem:";

    /** One offending input: a query {@code parameter} or a JSON {@code pointer} into the body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String parameter, String pointer, String detail) {
        public static FieldError parameter(String name, String detail) {
            return new FieldError(name, null, detail);
        }

        public static FieldError pointer(String pointer, String detail) {
            return new FieldError(null, pointer, detail);
        }
    }
}
