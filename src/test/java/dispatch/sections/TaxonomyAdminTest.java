package dispatch.sections;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaxonomyAdminTest extends ApiTest {

    private static Map<String, Object> section(String slug, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("slug", slug, "name", "Name of " + slug));
        if (parent != null) {
            body.put("parent", parent);
        }
        return body;
    }

    @Test
    void movingASectionMovesItsWholeSubtreeInBreadcrumbs() {
        String parent = TestContent.unique("region");
        String child = TestContent.unique("country");
        as("editor").contentType("application/json").body(section(parent, "news")).post("/api/v1/admin/sections").then().statusCode(201)
                .body("path.slug", contains("news", parent));
        as("editor").contentType("application/json").body(section(child, parent)).post("/api/v1/admin/sections").then().statusCode(201);
        given().get("/api/v1/sections/" + child).then().body("path.slug", contains("news", parent, child));

        as("editor").contentType("application/json").body(section(parent, "business")).put("/api/v1/admin/sections/" + parent).then()
                .statusCode(200).body("path.slug", contains("business", parent));
        given().get("/api/v1/sections/" + child).then().body("path.slug", contains("business", parent, child));
        as("editor").contentType("application/json").body(section(parent, child)).put("/api/v1/admin/sections/" + parent).then()
                .statusCode(409);
    }

    @Test
    void aSectionInUseCannotBeDeleted() {
        as("editor").delete("/api/v1/admin/sections/russia").then().statusCode(409).body("code", equalTo("CONFLICT"));
        as("editor").delete("/api/v1/admin/sections/news").then().statusCode(409);
        String empty = TestContent.unique("empty");
        as("editor").contentType("application/json").body(section(empty, null)).post("/api/v1/admin/sections").then().statusCode(201);
        as("editor").delete("/api/v1/admin/sections/" + empty).then().statusCode(204);
        given().get("/api/v1/sections/" + empty).then().statusCode(404);
    }

    @Test
    void duplicateOrInvalidSectionsAreRefused() {
        as("editor").contentType("application/json").body(section("russia", null)).post("/api/v1/admin/sections").then().statusCode(409);
        as("editor").contentType("application/json").body(section("Not A Slug", null)).post("/api/v1/admin/sections").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/slug"));
        as("editor").contentType("application/json").body(section(TestContent.unique("orphan"), "atlantis")).post("/api/v1/admin/sections")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/parent"));
    }

    @Test
    void tagsAndAuthorsHaveFullCrudAndRefuseDeletingWhatIsUsed() {
        String tag = TestContent.unique("topic");
        as("editor").contentType("application/json").body(Map.of("slug", tag, "name", "Topic")).post("/api/v1/admin/tags").then()
                .statusCode(201).body("name", equalTo("Topic"));
        as("editor").contentType("application/json").body(Map.of("slug", tag, "name", "Renamed", "description", "About it"))
                .put("/api/v1/admin/tags/" + tag).then().statusCode(200).body("name", equalTo("Renamed"));
        given().get("/api/v1/tags/" + tag).then().body("description", equalTo("About it"));
        as("editor").delete("/api/v1/admin/tags/libya").then().statusCode(409);
        as("editor").delete("/api/v1/admin/tags/" + tag).then().statusCode(204);

        String author = TestContent.unique("reporter");
        as("editor").contentType("application/json").body(Map.of("slug", author, "name", "Reporter", "avatarUrl", "javascript:alert(1)"))
                .post("/api/v1/admin/authors").then().statusCode(400).body("errors[0].pointer", equalTo("/avatarUrl"));
        as("editor").contentType("application/json").body(Map.of("slug", author, "name", "Reporter", "bio", "Covers courts"))
                .post("/api/v1/admin/authors").then().statusCode(201);
        given().get("/api/v1/authors/" + author).then().body("bio", equalTo("Covers courts"));
        as("editor").delete("/api/v1/admin/authors/amira-haddad").then().statusCode(409);
        as("editor").delete("/api/v1/admin/authors/" + author).then().statusCode(204);
    }
}
