package dispatch.sections;

import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.ProblemException;
import dispatch.sections.api.SectionRef;
import dispatch.sections.api.SectionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;

/** Builds the public representation of a section from the tree. */
@ApplicationScoped
class SectionMapper {

    private final SectionTree sections;
    private final NewsConfig config;

    SectionMapper(SectionTree sections, NewsConfig config) {
        this.sections = sections;
        this.config = config;
    }

    /** One section with its place in the tree; 404 for an unknown slug. */
    SectionResponse response(String slug) {
        Section section = sections.bySlug(slug)
                .orElseThrow(() -> ProblemException.notFound("No section with slug '" + slug + "'"));
        var path = sections.path(section);
        String api = Links.trimSlash(config.apiUrl());
        return new SectionResponse(section.slug, section.name, section.description, path,
                sections.parentOf(section).map(p -> new SectionRef.PathItem(p.slug, p.name)).orElse(null),
                sections.childrenOf(section).stream().map(c -> new SectionRef.PathItem(c.slug, c.name)).toList(),
                new SectionResponse.Links(api + "/api/v1/sections/" + section.slug, api + "/api/v1/articles?section=" + section.slug,
                        Links.trimSlash(config.siteUrl()) + "/" + path.stream().map(SectionRef.PathItem::slug).collect(Collectors.joining("/"))));
    }
}
