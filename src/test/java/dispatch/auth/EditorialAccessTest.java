package dispatch.auth;

import static dispatch.support.Newsroom.article;
import static dispatch.support.Newsroom.as;
import static dispatch.support.Newsroom.asToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dispatch.support.ApiTest;
import dispatch.support.Newsroom;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may do what: 401 without valid credentials, 403 for a role that may not, 404 for another writer's work. */
@QuarkusTest
class EditorialAccessTest extends ApiTest {

    private static String draftOf(String role) {
        return as(role).contentType("application/json").body(article("Access " + TestContent.unique("a"))).post("/api/v1/admin/articles")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anotherWritersDraftsSlugsCannotBeProbed() {
        String first = TestContent.unique("first");
        String second = TestContent.unique("second");
        Newsroom.newAccount(first, "writer");
        Newsroom.newAccount(second, "writer");
        var one = asToken(Newsroom.token(first, Newsroom.PASSWORD));
        var other = asToken(Newsroom.token(second, Newsroom.PASSWORD));
        String slug = TestContent.unique("secret-plan");
        var draft = new java.util.HashMap<>(article("Secret plan"));
        draft.put("slug", slug);
        String mine = one.contentType("application/json").body(draft).post("/api/v1/admin/articles").then().statusCode(201)
                .body("slug", equalTo(slug)).extract().path("id");

        // the other writer asks for the same slug, or writes the same headline: answered as if it were free
        String theirs = other.contentType("application/json").body(draft).post("/api/v1/admin/articles").then().statusCode(201)
                .body("slug", equalTo(slug)).extract().path("id");
        String headline = "Probe " + TestContent.unique("h");
        one.contentType("application/json").body(article(headline)).post("/api/v1/admin/articles").then().statusCode(201);
        other.contentType("application/json").body(article(headline)).post("/api/v1/admin/articles").then().statusCode(201)
                .body("slug", org.hamcrest.Matchers.not(org.hamcrest.Matchers.endsWith("-2")));
        // the writer's own drafts do count
        one.contentType("application/json").body(draft).post("/api/v1/admin/articles").then().statusCode(409);

        // publication takes the slug; the other draft must then change its slug to be published
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + mine + "/publish").then().statusCode(200);
        given().get("/api/v1/articles/" + slug).then().statusCode(200).body("id", equalTo(mine));
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + theirs + "/publish").then().statusCode(409);
        // a published article's slug is public: refusing it tells nothing
        other.contentType("application/json").body(draft).post("/api/v1/admin/articles").then().statusCode(409);
    }

    @Test
    void anonymousCallersGet401OnEveryEditorialEndpoint() {
        for (String path : new String[] {"/api/v1/admin/articles", "/api/v1/admin/users", "/api/v1/admin/api-keys",
            "/api/v1/admin/collections", "/api/v1/admin/audit"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer")).body("code", equalTo("UNAUTHORIZED"));
        }
        given().contentType("application/json").body(article("x")).post("/api/v1/admin/articles").then().statusCode(401);
    }

    @Test
    void roleMatrixAllowsAndRefusesAsDocumented() {
        String draft = draftOf("editor");
        // [role, method, path, expected status]
        Object[][] matrix = {
            {"writer", "POST", "/api/v1/admin/articles/" + draft + "/publish", 403},
            {"writer", "POST", "/api/v1/admin/articles/" + draft + "/unpublish", 403},
            {"moderator", "GET", "/api/v1/admin/articles", 403},
            {"moderator", "POST", "/api/v1/admin/articles/" + draft + "/publish", 403},
            {"editor", "GET", "/api/v1/admin/users", 403},
            {"writer", "GET", "/api/v1/admin/users", 403},
            {"editor", "GET", "/api/v1/admin/api-keys", 403},
            {"writer", "GET", "/api/v1/admin/audit", 403},
            {"writer", "GET", "/api/v1/admin/collections", 403},
            {"writer", "DELETE", "/api/v1/admin/tags/libya", 403},
            {"editor", "GET", "/api/v1/admin/audit", 200},
            {"editor", "GET", "/api/v1/admin/collections", 200},
            {"admin", "GET", "/api/v1/admin/users", 200},
            {"admin", "GET", "/api/v1/admin/api-keys", 200},
            {"writer", "GET", "/api/v1/admin/articles", 200},
            {"editor", "GET", "/api/v1/admin/articles/" + draft, 200},
            {"admin", "GET", "/api/v1/admin/articles/" + draft, 200},
        };
        for (Object[] row : matrix) {
            as((String) row[0]).contentType("application/json").body("{}").request((String) row[1], (String) row[2]).then()
                    .statusCode((Integer) row[3]);
        }
    }

    @Test
    void writersCannotSeeOrTouchAnotherWritersDraft() {
        String other = Newsroom.newAccount(TestContent.unique("writer"), "writer");
        String id = as("writer").contentType("application/json").body(article("Mine")).post("/api/v1/admin/articles").path("id");

        asToken(other).get("/api/v1/admin/articles/" + id).then().statusCode(404);
        asToken(other).contentType("application/json").header("If-Match", "\"0\"").body(article("Theirs"))
                .put("/api/v1/admin/articles/" + id).then().statusCode(404);
        asToken(other).delete("/api/v1/admin/articles/" + id).then().statusCode(404);
        asToken(other).post("/api/v1/admin/articles/" + id + "/preview-link").then().statusCode(404);
        asToken(other).get("/api/v1/admin/articles?ids=" + id).then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void writersCannotEditTheirArticleOnceItIsPublished() {
        String id = draftOf("writer");
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + id + "/publish").then().statusCode(200);
        String etag = as("writer").get("/api/v1/admin/articles/" + id).header("ETag");

        as("writer").contentType("application/json").header("If-Match", etag).body(article("Sneaky edit"))
                .put("/api/v1/admin/articles/" + id).then().statusCode(403);
        as("writer").delete("/api/v1/admin/articles/" + id).then().statusCode(403);
    }

    @Test
    void aDisabledAccountsTokenStopsWorkingAtOnce() {
        String username = TestContent.unique("leaver");
        String token = Newsroom.newAccount(username, "editor");
        asToken(token).get("/api/v1/admin/articles?limit=1").then().statusCode(200);
        String id = as("admin").get("/api/v1/admin/users?limit=200").jsonPath()
                .getString("items.find { it.username == '" + username + "' }.id");

        as("admin").contentType("application/json").body(Map.of("disabled", true)).patch("/api/v1/admin/users/" + id).then()
                .statusCode(200).body("disabled", equalTo(true));
        asToken(token).get("/api/v1/admin/articles?limit=1").then().statusCode(401);
        given().contentType("application/json").body(Map.of("username", username, "password", Newsroom.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(401);
    }

    @Test
    void roleChangesTakeEffectWithoutANewToken() {
        String username = TestContent.unique("promoted");
        String token = Newsroom.newAccount(username, "writer");
        asToken(token).get("/api/v1/admin/audit").then().statusCode(403);
        String id = as("admin").get("/api/v1/admin/users?limit=200").jsonPath()
                .getString("items.find { it.username == '" + username + "' }.id");

        as("admin").contentType("application/json").body(Map.of("roles", java.util.List.of("editor"))).patch("/api/v1/admin/users/" + id)
                .then().statusCode(200);
        asToken(token).get("/api/v1/admin/audit").then().statusCode(200);
    }
}
