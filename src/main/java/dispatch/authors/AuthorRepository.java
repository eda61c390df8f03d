package dispatch.authors;

import dispatch.common.persistence.SlugPageQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuthorRepository implements PanacheRepositoryBase<Author, UUID> {

    public Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** A page of authors in slug order after {@code afterSlug}, optionally whose name or slug starts with {@code prefix}. */
    public List<Author> listPage(String prefix, String afterSlug, int limit) {
        SlugPageQuery query = SlugPageQuery.of(prefix, afterSlug);
        return find(query.hql(), query.params()).page(0, limit).list();
    }
}
