package dispatch.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Newsroom accounts for HTTP tests: the bootstrap admin (from %test config) creates one account per
 * role through the API, and tests act as them with bearer tokens.
 */
public final class Newsroom {

    public static final String PASSWORD = "a-long-test-password";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Newsroom() {
    }

    public static String token(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    public static String adminToken() {
        return TOKENS.computeIfAbsent("admin", k -> token("admin", "test-admin-password"));
    }

    /** A token of a fresh account holding exactly these roles. */
    public static String newAccount(String username, String... roles) {
        given().auth().oauth2(adminToken()).contentType("application/json")
                .body(Map.of("username", username, "password", PASSWORD, "displayName", "User " + username, "roles", List.of(roles)))
                .post("/api/v1/admin/users").then().statusCode(201);
        return token(username, PASSWORD);
    }

    /** A shared account per role (created once per test run). */
    public static String tokenFor(String role) {
        return TOKENS.computeIfAbsent(role, r -> {
            // an application started for another test profile may have created it in the same database
            given().auth().oauth2(adminToken()).contentType("application/json")
                    .body(Map.of("username", "shared-" + r, "password", PASSWORD, "displayName", "User shared-" + r, "roles", List.of(r)))
                    .post("/api/v1/admin/users").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
            return token("shared-" + r, PASSWORD);
        });
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(role.equals("admin") ? adminToken() : tokenFor(role));
    }

    public static RequestSpecification asToken(String token) {
        return given().auth().oauth2(token);
    }

    /** A minimal valid article request body. */
    public static Map<String, Object> article(String headline) {
        return new java.util.HashMap<>(Map.of("type", "news", "headline", headline, "section", "news",
                "standfirst", "About " + headline,
                "body", List.of(Map.of("type", "paragraph", "text", "First paragraph of " + headline + "."))));
    }
}
