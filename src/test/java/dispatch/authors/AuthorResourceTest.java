package dispatch.authors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dispatch.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorResourceTest extends ApiTest {

    @Test
    void authorProfileHasBioAvatarAndArticlesLink() {
        given().get("/api/v1/authors/amira-haddad").then().statusCode(200)
                .body("name", equalTo("Amira Haddad"))
                .body("bio", equalTo("North Africa correspondent"))
                .body("avatarUrl", equalTo("https://media.dispatch.example/authors/amira-haddad.jpg"))
                .body("links.articles", equalTo("http://localhost:8081/api/v1/articles?author=amira-haddad"));
    }

    @Test
    void authorsListPagesInSlugOrder() {
        java.util.List<String> slugs = given().get("/api/v1/authors?limit=3").then().statusCode(200).body("items", hasSize(3))
                .extract().jsonPath().getList("items.slug");
        org.junit.jupiter.api.Assertions.assertEquals(slugs.stream().sorted().toList(), slugs);
        // the next page goes on after the last slug, in order, with nothing repeated
        String next = given().get("/api/v1/authors?limit=3").path("next");
        org.junit.jupiter.api.Assertions.assertNotNull(next, "more than three authors: a next page");
        java.util.List<String> second = given().get("/api/v1/authors?limit=3&cursor=" + next).then().statusCode(200).extract().jsonPath()
                .getList("items.slug");
        org.junit.jupiter.api.Assertions.assertFalse(second.isEmpty());
        org.junit.jupiter.api.Assertions.assertEquals(second.stream().sorted().toList(), second);
        org.junit.jupiter.api.Assertions.assertTrue(second.get(0).compareTo(slugs.get(2)) > 0, slugs + " then " + second);
        given().get("/api/v1/authors?q=amira").then().body("items.slug", contains("amira-haddad"));
        given().get("/api/v1/authors?q=luc").then().body("items.slug", contains("lucia-fernandez"));
    }

    @Test
    void unknownAuthorIsNotFound() {
        given().get("/api/v1/authors/nobody").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }
}
