package dispatch.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An oEmbed 1.0 response of type {@code rich}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OEmbed(String version, String type, String title, @JsonProperty("author_name") String authorName,
        @JsonProperty("provider_name") String providerName, @JsonProperty("provider_url") String providerUrl,
        @JsonProperty("cache_age") Integer cacheAge, @JsonProperty("thumbnail_url") String thumbnailUrl,
        @JsonProperty("thumbnail_width") Integer thumbnailWidth, @JsonProperty("thumbnail_height") Integer thumbnailHeight, String html,
        Integer width, Integer height) {
}
