package dispatch.common.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dispatch.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ErrorResponsesTest extends ApiTest {

    @Test
    void unknownPathIsProblemNotFound() {
        given().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:dispatch:problem:not-found"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", notNullValue());
    }

    @Test
    void wrongMethodIsProblemMethodNotAllowed() {
        given().post("/api/v1/articles").then().statusCode(405)
                .contentType("application/problem+json")
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
        given().delete("/api/v1/sections/news").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-Id", "trace-123").get("/api/v1/articles/nope").then()
                .header("X-Request-Id", equalTo("trace-123"))
                .body("requestId", equalTo("trace-123"));
        given().header("X-Request-Id", "<script>").get("/api/v1/articles/nope").then()
                .header("X-Request-Id", not(containsString("<")));
    }

    @Test
    void problemsNeverLeakInternals() {
        String body = given().get("/api/v1/articles?cursor=eyJhIjoxfQ").then().statusCode(400).extract().asString();
        for (String internal : new String[] {"Exception", "at dispatch.", "select ", "org.hibernate", "java."}) {
            org.junit.jupiter.api.Assertions.assertFalse(body.contains(internal), () -> "problem leaks " + internal + ": " + body);
        }
    }

    @Test
    void problemsAreNeverCached() {
        given().get("/api/v1/articles/nope").then().statusCode(404).header("Cache-Control", equalTo("no-store"));
    }
}
