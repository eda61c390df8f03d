package dispatch.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public Optional<ApiKey> findByPrefix(String prefix) {
        return find("prefix", prefix).firstResultOptional();
    }

    public List<ApiKey> listNewestFirst() {
        return list("order by createdAt desc");
    }
}
