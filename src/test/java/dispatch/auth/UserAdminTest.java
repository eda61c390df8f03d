package dispatch.auth;

import static dispatch.support.Newsroom.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import dispatch.support.ApiTest;
import dispatch.support.Newsroom;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UserAdminTest extends ApiTest {

    private static Map<String, Object> user(String username, String password, List<String> roles) {
        return Map.of("username", username, "password", password, "displayName", "Someone", "roles", roles);
    }

    @Test
    void adminCreatesAccountsWithoutEverShowingPasswords() {
        String username = TestContent.unique("reporter");
        as("admin").contentType("application/json").body(Map.of("username", username, "password", "long-enough-password",
                "displayName", "Reporter", "roles", List.of("writer"), "author", "amira-haddad"))
                .post("/api/v1/admin/users").then().statusCode(201)
                .body("roles", contains("writer")).body("author", equalTo("amira-haddad"))
                .body("$", not(hasKey("password"))).body("$", not(hasKey("passwordHash")));
        as("admin").contentType("application/json").body(user(username, "long-enough-password", List.of("writer")))
                .post("/api/v1/admin/users").then().statusCode(409);
    }

    @Test
    void accountRulesAreEnforced() {
        as("admin").contentType("application/json").body(user(TestContent.unique("u"), "short", List.of("writer")))
                .post("/api/v1/admin/users").then().statusCode(400).body("errors[0].pointer", equalTo("/password"));
        as("admin").contentType("application/json").body(user(TestContent.unique("u"), "long-enough-password", List.of("overlord")))
                .post("/api/v1/admin/users").then().statusCode(400).body("errors[0].pointer", equalTo("/roles/0"));
        as("admin").contentType("application/json").body(user("Bad Name", "long-enough-password", List.of("writer")))
                .post("/api/v1/admin/users").then().statusCode(400).body("errors[0].pointer", equalTo("/username"));
    }

    @Test
    void adminsCannotLockThemselvesOut() {
        String adminId = as("admin").get("/api/v1/admin/users?limit=200").jsonPath().getString("items.find { it.username == 'admin' }.id");
        as("admin").contentType("application/json").body(Map.of("disabled", true)).patch("/api/v1/admin/users/" + adminId).then()
                .statusCode(409);
        as("admin").contentType("application/json").body(Map.of("roles", List.of("editor"))).patch("/api/v1/admin/users/" + adminId)
                .then().statusCode(409);
        as("admin").get("/api/v1/admin/users/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void aPasswordChangeOrAReEnablingEndsTheAccountsEarlierTokens() {
        String username = TestContent.unique("rotated");
        String before = Newsroom.newAccount(username, "writer");
        String id = as("admin").get("/api/v1/admin/users?limit=200").jsonPath().getString("items.find { it.username == '" + username + "' }.id");
        Newsroom.asToken(before).get("/api/v1/admin/articles").then().statusCode(200);

        as("admin").contentType("application/json").body(Map.of("password", "a-brand-new-password")).patch("/api/v1/admin/users/" + id)
                .then().statusCode(200);
        Newsroom.asToken(before).get("/api/v1/admin/articles").then().statusCode(401);
        String after = Newsroom.token(username, "a-brand-new-password");
        Newsroom.asToken(after).get("/api/v1/admin/articles").then().statusCode(200);

        as("admin").contentType("application/json").body(Map.of("disabled", true)).patch("/api/v1/admin/users/" + id).then().statusCode(200);
        Newsroom.asToken(after).get("/api/v1/admin/articles").then().statusCode(401);
        as("admin").contentType("application/json").body(Map.of("disabled", false)).patch("/api/v1/admin/users/" + id).then().statusCode(200);
        Newsroom.asToken(after).get("/api/v1/admin/articles").then().statusCode(401);
        Newsroom.asToken(Newsroom.token(username, "a-brand-new-password")).get("/api/v1/admin/articles").then().statusCode(200);
    }
}
