package dispatch.sections.api;

import java.util.List;

/** One section with its place in the tree. */
public record SectionResponse(String slug, String name, String description, List<SectionRef.PathItem> path,
        SectionRef.PathItem parent, List<SectionRef.PathItem> children, Links links) {

    public record Links(String self, String articles, String web) {
    }
}
