package dispatch.sections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SectionResourceTest extends ApiTest {

    @Inject
    TestContent content;

    @Test
    void sectionHasBreadcrumbParentChildrenAndLinks() {
        String parent = TestContent.unique("parent");
        String child = TestContent.unique("child");
        content.section(parent, "news");
        content.section(child, parent);

        given().get("/api/v1/sections/" + parent).then().statusCode(200)
                .body("slug", equalTo(parent))
                .body("path.slug", contains("news", parent))
                .body("parent.slug", equalTo("news"))
                .body("children.slug", contains(child))
                .body("links.articles", equalTo("http://localhost:8081/api/v1/articles?section=" + parent))
                .body("links.web", equalTo("http://localhost:3000/news/" + parent));
    }

    @Test
    void rootSectionHasNoParent() {
        given().get("/api/v1/sections/news").then().statusCode(200).body("parent", nullValue())
                .body("path.slug", contains("news")).body("children.slug", hasItem("russia"));
    }

    @Test
    void treeNestsChildrenUnderTheirParents() {
        given().get("/api/v1/sections").then().statusCode(200)
                .body("items.find { it.slug == 'news' }.children.slug", hasItem("russia"))
                .body("items.slug", org.hamcrest.Matchers.not(hasItem("russia")));
    }

    @Test
    void unknownSectionIsNotFound() {
        given().get("/api/v1/sections/atlantis").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void sectionsTakeNoQueryParameters() {
        given().get("/api/v1/sections?depth=2").then().statusCode(400).body("errors[0].parameter", equalTo("depth"));
    }
}
