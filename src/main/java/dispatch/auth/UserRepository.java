package dispatch.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<User, UUID> {

    public Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<User> listAfter(String afterUsername, int limit) {
        return afterUsername == null ? find("order by username").page(0, limit).list()
                : find("username > ?1 order by username", afterUsername).page(0, limit).list();
    }
}
