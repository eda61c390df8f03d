package dispatch.sections.api;

import java.util.List;

/** A section as other resources embed it: its breadcrumb {@code path} runs from the root to itself. */
public record SectionRef(String slug, String name, List<PathItem> path) {

    public record PathItem(String slug, String name) {
    }
}
