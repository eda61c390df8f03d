package dispatch.collections;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CollectionTest extends ApiTest {

    @Inject
    TestContent content;

    @Test
    void readersGetThePublishedArticlesInTheEditorsOrder() {
        String first = content.article().save().slug;
        String draft = content.article().draft().save().slug;
        String second = content.article().save().slug;
        String slug = TestContent.unique("top-stories");

        as("editor").contentType("application/json").body(Map.of("slug", slug, "name", "Top stories", "articles", List.of(second, draft, first)))
                .post("/api/v1/admin/collections").then().statusCode(201).body("articles", contains(second, draft, first));
        given().get("/api/v1/collections/" + slug).then().statusCode(200)
                .body("name", equalTo("Top stories")).body("items.slug", contains(second, first));

        content.change(second, article -> article.status = "unpublished");
        given().get("/api/v1/collections/" + slug).then().body("items.slug", contains(first));
    }

    @Test
    void aCollectionsKeysNameNoUnpublishedArticleYetItsPublicationReachesTheCollection() {
        var shown = content.article().save();
        var draft = content.article().draft().save();
        String slug = TestContent.unique("picks");
        as("editor").contentType("application/json").body(Map.of("slug", slug, "name", "Picks", "articles", List.of(draft.slug, shown.slug)))
                .post("/api/v1/admin/collections").then().statusCode(201);
        for (int i = 0; i < 2; i++) { // rendered, then from the cache
            String keys = given().get("/api/v1/collections/" + slug).then().statusCode(200).body("items.slug", contains(shown.slug))
                    .extract().header("Surrogate-Key");
            org.junit.jupiter.api.Assertions.assertTrue(keys.contains("article-" + shown.id), keys);
            org.junit.jupiter.api.Assertions.assertFalse(keys.contains(draft.id.toString()), "the draft's id is told: " + keys);
        }
        as("editor").contentType("application/json").body("{}").post("/api/v1/admin/articles/" + draft.id + "/publish").then().statusCode(200);
        given().get("/api/v1/collections/" + slug).then().body("items.slug", contains(draft.slug, shown.slug));
    }

    @Test
    void editorsReorderAndDeleteCollections() {
        String a = content.article().save().slug;
        String b = content.article().save().slug;
        String slug = TestContent.unique("picks");
        as("editor").contentType("application/json").body(Map.of("slug", slug, "name", "Picks", "articles", List.of(a, b)))
                .post("/api/v1/admin/collections").then().statusCode(201);

        as("editor").contentType("application/json").body(Map.of("slug", slug, "name", "Picks", "articles", List.of(b, a)))
                .put("/api/v1/admin/collections/" + slug).then().statusCode(200);
        given().get("/api/v1/collections/" + slug).then().body("items.slug", contains(b, a));
        as("editor").delete("/api/v1/admin/collections/" + slug).then().statusCode(204);
        given().get("/api/v1/collections/" + slug).then().statusCode(404);
    }

    @Test
    void collectionsNameExistingArticlesOnly() {
        as("editor").contentType("application/json").body(Map.of("slug", TestContent.unique("bad"), "name", "Bad", "articles", List.of("nope")))
                .post("/api/v1/admin/collections").then().statusCode(400).body("errors[0].pointer", equalTo("/articles/0"));
    }
}
