package dispatch.live;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LiveEntryRepository implements PanacheRepositoryBase<LiveEntryRecord, UUID> {

    public Optional<LiveEntryRecord> findLive(UUID articleId, UUID entryId) {
        return find("id = ?1 and articleId = ?2 and deletedAt is null", entryId, articleId).firstResultOptional();
    }
}
