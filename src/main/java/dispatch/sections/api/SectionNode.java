package dispatch.sections.api;

import java.util.List;

/** A section in the whole tree, with its children. */
public record SectionNode(String slug, String name, String description, List<SectionNode> children) {
}
