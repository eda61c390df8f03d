package dispatch.auth;

import dispatch.audit.AuditLog;
import dispatch.auth.api.UserCreateRequest;
import dispatch.auth.api.UserResponse;
import dispatch.auth.api.UserUpdateRequest;
import dispatch.common.http.Page;
import dispatch.common.http.Problem;
import dispatch.common.http.ProblemException;
import dispatch.common.http.SlugPaging;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Newsroom accounts: create, list, change roles, disable. */
@ApplicationScoped
public class UserService {

    static final int BCRYPT_COST = 10;

    private final UserRepository users;
    private final EntityManager em;
    private final AuditLog audit;

    UserService(UserRepository users, EntityManager em, AuditLog audit) {
        this.users = users;
        this.em = em;
        this.audit = audit;
    }

    @Transactional
    public UserResponse create(UserCreateRequest request, CurrentUser.Actor actor) {
        if (users.findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("Username '" + request.username() + "' is taken");
        }
        User user = new User();
        user.id = UUID.randomUUID();
        user.username = request.username();
        user.passwordHash = BcryptUtil.bcryptHash(request.password(), BCRYPT_COST);
        user.displayName = request.displayName().trim();
        user.roles = roles(request.roles(), "/roles");
        user.authorId = request.author() == null ? null : authorId(request.author());
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        users.persist(user);
        audit.record(actor, "user.create", "user", user.id, Map.of("username", user.username, "roles", List.of(user.roles)));
        return toResponse(user);
    }

    /** Creates an admin account with this username unless one exists; used at start. */
    @Transactional
    public boolean ensureAdmin(String username, String password) {
        if (users.findByUsername(username).isPresent()) {
            return false;
        }
        User user = new User();
        user.id = UUID.randomUUID();
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        user.displayName = username;
        user.roles = new String[] {Roles.ADMIN};
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        users.persist(user);
        audit.record(CurrentUser.Actor.SYSTEM, "user.create", "user", user.id, Map.of("username", username, "roles", List.of(Roles.ADMIN)));
        return true;
    }

    @Transactional
    public UserResponse update(UUID id, UserUpdateRequest request, CurrentUser.Actor actor) {
        User user = find(id);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (request.displayName() != null) {
            user.displayName = request.displayName().trim();
            changes.put("displayName", user.displayName);
        }
        if (request.roles() != null) {
            String[] roles = roles(request.roles(), "/roles");
            if (user.id.equals(actor.id()) && !List.of(roles).contains(Roles.ADMIN)) {
                throw ProblemException.conflict("An admin cannot remove their own admin role");
            }
            user.roles = roles;
            changes.put("roles", List.of(roles));
        }
        if (request.disabled() != null) {
            if (user.id.equals(actor.id()) && request.disabled()) {
                throw ProblemException.conflict("An admin cannot disable their own account");
            }
            if (user.disabled && !request.disabled()) {
                user.tokenVersion++; // tokens from before the account was disabled stay dead
            }
            user.disabled = request.disabled();
            changes.put("disabled", user.disabled);
        }
        if (request.password() != null) {
            user.passwordHash = BcryptUtil.bcryptHash(request.password(), BCRYPT_COST);
            user.tokenVersion++; // every token issued with the old password ends
            changes.put("password", "changed");
        }
        user.updatedAt = Instant.now();
        audit.record(actor, Boolean.TRUE.equals(request.disabled()) ? "user.disable" : "user.update", "user", user.id, changes);
        return toResponse(user);
    }

    public UserResponse get(UUID id) {
        return toResponse(find(id));
    }

    public Page<UserResponse> list(String cursor, String limit) {
        SlugPaging paging = SlugPaging.parse(null, cursor, limit);
        return paging.page(users.listAfter(paging.afterSlug(), paging.limit() + 1), u -> u.username, this::toResponse);
    }

    private User find(UUID id) {
        User user = users.findById(id);
        if (user == null) {
            throw ProblemException.notFound("No user with id " + id);
        }
        return user;
    }

    private static String[] roles(List<String> requested, String pointer) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!Roles.ALL.contains(requested.get(i))) {
                errors.add(Problem.FieldError.pointer(pointer + "/" + i, "unknown role; allowed: admin, editor, writer, moderator"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidBody(errors);
        }
        return new LinkedHashSet<>(requested).toArray(String[]::new);
    }

    private UUID authorId(String slug) {
        List<UUID> ids = em.createQuery("select a.id from Author a where a.slug = :slug", UUID.class).setParameter("slug", slug).getResultList();
        if (ids.isEmpty()) {
            throw ProblemException.invalidBody(List.of(Problem.FieldError.pointer("/author", "no author with slug '" + slug + "'")));
        }
        return ids.get(0);
    }

    private UserResponse toResponse(User user) {
        String author = user.authorId == null ? null
                : em.createQuery("select a.slug from Author a where a.id = :id", String.class).setParameter("id", user.authorId).getSingleResult();
        return new UserResponse(user.id, user.username, user.displayName, List.of(user.roles), author, user.disabled, user.createdAt,
                user.updatedAt);
    }
}
