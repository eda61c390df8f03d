package dispatch.auth.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new partner key: what it may see ({@code sections} with their descendants, {@code tags}; empty
 * or absent: everything), whether it gets full text, and its rate-limit tier.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ApiKeyRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) List<@NotBlank String> sections,
        @Size(max = 50) List<@NotBlank String> tags,
        Boolean fullText,
        @Pattern(regexp = "standard|premium|unlimited", message = "must be standard, premium or unlimited") String tier) {
}
