package dispatch.auth.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A partial change to an account: only the members present are changed. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record UserUpdateRequest(
        @Size(min = 1, max = 200) String displayName,
        @Size(min = 1, max = 4) List<String> roles,
        Boolean disabled,
        @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password) {
}
