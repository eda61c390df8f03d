package dispatch.collections;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<CuratedList, UUID> {

    public Optional<CuratedList> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<CuratedList> listBySlug() {
        return list("order by slug");
    }
}
