package dispatch.tags;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TagResourceTest extends ApiTest {

    @Inject
    TestContent content;

    @Test
    void prefixSearchPagesThroughMatchingTagsInSlugOrder() {
        String prefix = "pfx" + TestContent.unique("x").replace("-", "");
        content.tag(prefix + "-c");
        content.tag(prefix + "-a");
        content.tag(prefix + "-b");

        JsonPath first = given().get("/api/v1/tags?q=" + prefix + "&limit=2").then().statusCode(200)
                .body("items.slug", contains(prefix + "-a", prefix + "-b")).extract().jsonPath();
        given().get("/api/v1/tags?q=" + prefix + "&limit=2&cursor=" + first.getString("next")).then()
                .body("items.slug", contains(prefix + "-c")).body("next", nullValue());
    }

    @Test
    void prefixSearchMatchesNamesCaseInsensitively() {
        given().get("/api/v1/tags?q=LIB").then().statusCode(200)
                .body("items.name", everyItem(startsWith("Lib"))).body("items.slug", org.hamcrest.Matchers.hasItem("libya"));
    }

    @Test
    void likeWildcardsInThePrefixAreLiteral() {
        given().get("/api/v1/tags?q=%25").then().statusCode(200).body("items", hasSize(0));
        given().get("/api/v1/tags?q=_").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void cursorOfAnotherPrefixIsRefused() {
        String next = given().get("/api/v1/tags?limit=1").jsonPath().getString("next");
        given().get("/api/v1/tags?q=li&cursor=" + next).then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void tagHasLinkToItsArticles() {
        given().get("/api/v1/tags/libya").then().statusCode(200)
                .body("name", equalTo("Libya"))
                .body("links.articles", equalTo("http://localhost:8081/api/v1/articles?tag=libya"));
        given().get("/api/v1/tags/no-such-tag").then().statusCode(404);
        given().get("/api/v1/tags?limit=201").then().statusCode(400);
    }
}
