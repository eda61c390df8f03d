package dispatch.sections;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SectionRepository implements PanacheRepositoryBase<Section, UUID> {

    /** The whole tree, siblings in editorial order; the tree is small and read as a whole. */
    public List<Section> listInTreeOrder() {
        return list("order by position, name");
    }
}
