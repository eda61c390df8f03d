package dispatch.comments;

import static dispatch.support.Newsroom.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommentTest extends ApiTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    @Inject
    TestContent content;

    /** A reader behind its own address (documentation range), so rate limits stay per test. */
    private static String newClient() {
        int n = CLIENTS.getAndIncrement();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static Response submit(String client, String slug, Map<String, Object> body) {
        return given().header("X-Forwarded-For", client).contentType("application/json").body(body).post("/api/v1/articles/" + slug + "/comments");
    }

    private static Map<String, Object> comment(String text) {
        return new HashMap<>(Map.of("authorName", "Reader", "authorEmail", "reader@example.org", "body", text));
    }

    private static String submitted(String slug, Map<String, Object> body) {
        return submit(newClient(), slug, body).then().statusCode(202).extract().path("id");
    }

    private static String approved(String slug, Map<String, Object> body) {
        String id = submitted(slug, body);
        as("moderator").post("/api/v1/admin/comments/" + id + "/approve").then().statusCode(200).body("status", equalTo("approved"));
        return id;
    }

    @Test
    void aCommentIsInvisibleUntilApprovedThenListedAndCounted() {
        String slug = content.article().save().slug;
        Response accepted = submit(newClient(), slug, comment("First!"));
        accepted.then().statusCode(202).body("status", equalTo("pending")).body("id", notNullValue());
        String id = accepted.path("id");

        given().get("/api/v1/articles/" + slug + "/comments").then().statusCode(200).body("items", empty()).body("count", equalTo(0))
                .body("open", equalTo(true));
        given().get("/api/v1/articles/" + slug).then().body("commentCount", equalTo(0));

        as("moderator").post("/api/v1/admin/comments/" + id + "/approve").then().statusCode(200)
                .body("moderatedBy", equalTo("shared-moderator")).body("moderatedAt", notNullValue());
        given().get("/api/v1/articles/" + slug + "/comments").then().body("items.id", contains(id)).body("count", equalTo(1))
                .body("items[0].body", equalTo("<p>First!</p>")).body("items[0]", not(hasKey("authorEmail")));
        given().get("/api/v1/articles/" + slug).then().body("commentCount", equalTo(1));
        given().get("/api/v1/comments/counts?articles=" + slug).then().body("counts." + slug, equalTo(1));

        as("moderator").post("/api/v1/admin/comments/" + id + "/reject").then().statusCode(200);
        given().get("/api/v1/articles/" + slug + "/comments").then().body("items", empty()).body("count", equalTo(0));
        given().get("/api/v1/articles/" + slug).then().body("commentCount", equalTo(0));
        as("editor").get("/api/v1/admin/audit?entityId=" + id).then().body("items.action", contains("comment.reject", "comment.approve"));
    }

    @Test
    void repliesThreadUnderTheirParentUpToThreeLevels() {
        String slug = content.article().save().slug;
        String top = approved(slug, comment("Top"));
        Map<String, Object> reply = comment("Reply");
        reply.put("parentId", top);
        String second = approved(slug, reply);
        Map<String, Object> deeper = comment("Deeper");
        deeper.put("parentId", second);
        String third = approved(slug, deeper);

        given().get("/api/v1/articles/" + slug + "/comments").then().body("items.id", contains(top)).body("items[0].replyCount", equalTo(1))
                .body("count", equalTo(3));
        given().get("/api/v1/articles/" + slug + "/comments?parent=" + top).then().body("items.id", contains(second))
                .body("items[0].parentId", equalTo(top)).body("items[0].depth", equalTo(2));
        Map<String, Object> tooDeep = comment("Too deep");
        tooDeep.put("parentId", third);
        submit(newClient(), slug, tooDeep).then().statusCode(400).body("errors[0].pointer", equalTo("/parentId"));
    }

    @Test
    void aParentMustBeAPublishedCommentOfTheSameArticle() {
        String one = content.article().save().slug;
        String other = content.article().save().slug;
        String foreign = approved(other, comment("Elsewhere"));
        String pending = submitted(one, comment("Waiting"));
        for (String parent : List.of(foreign, pending, "00000000-0000-0000-0000-000000000000")) {
            Map<String, Object> body = comment("Reply");
            body.put("parentId", parent);
            submit(newClient(), one, body).then().statusCode(400).body("errors[0].pointer", equalTo("/parentId"));
        }
    }

    @Test
    void badSubmissionsAreRefusedClearly() {
        String slug = content.article().save().slug;
        submit(newClient(), "no-such-article", comment("Hi")).then().statusCode(404);
        submit(newClient(), content.article().draft().save().slug, comment("Hi")).then().statusCode(404);
        submit(newClient(), slug, comment("")).then().statusCode(400).body("errors[0].pointer", equalTo("/body"));
        submit(newClient(), slug, comment("x".repeat(5001))).then().statusCode(400).body("errors[0].pointer", equalTo("/body"));
        submit(newClient(), slug, comment("<b></b><script>alert(1)</script>")).then().statusCode(400).body("errors[0].pointer", equalTo("/body"));
        Map<String, Object> noName = comment("Hello");
        noName.put("authorName", "<img src=x>");
        submit(newClient(), slug, noName).then().statusCode(400).body("errors[0].pointer", equalTo("/authorName"));
        Map<String, Object> badEmail = comment("Hello");
        badEmail.put("authorEmail", "not-an-email");
        submit(newClient(), slug, badEmail).then().statusCode(400).body("errors[0].pointer", equalTo("/authorEmail"));
        Map<String, Object> extra = comment("Hello");
        extra.put("status", "approved");
        submit(newClient(), slug, extra).then().statusCode(400);
    }

    @Test
    void moderatorsRuleTheCommentsOfWhatReadersSeeOnly() {
        var draft = content.article().draft().save();
        var deleted = content.article().save();
        as("editor").delete("/api/v1/admin/articles/" + deleted.id).then().statusCode(204);
        for (var article : List.of(draft, deleted)) {
            String path = "/api/v1/admin/articles/" + article.id + "/comment-settings";
            as("moderator").get(path).then().statusCode(404);
            as("moderator").contentType("application/json").body(Map.of("moderation", "post")).put(path).then().statusCode(404);
        }
        as("editor").get("/api/v1/admin/articles/" + draft.id + "/comment-settings").then().statusCode(200);
        as("editor").get("/api/v1/admin/articles/" + deleted.id + "/comment-settings").then().statusCode(404);
        as("moderator").get("/api/v1/admin/articles/" + content.article().save().id + "/comment-settings").then().statusCode(200);
    }

    @Test
    void closedArticlesRefuseCommentsUntilReopened() {
        var article = content.article().save();
        as("moderator").contentType("application/json").body(Map.of("closedAt", java.time.Instant.now().minusSeconds(1).toString()))
                .put("/api/v1/admin/articles/" + article.id + "/comment-settings").then().statusCode(200).body("open", equalTo(false));
        submit(newClient(), article.slug, comment("Late")).then().statusCode(409).body("code", equalTo("COMMENTS_CLOSED"));
        given().get("/api/v1/articles/" + article.slug + "/comments").then().body("open", equalTo(false));

        as("moderator").contentType("application/json").body("{\"closedAt\": null}")
                .put("/api/v1/admin/articles/" + article.id + "/comment-settings").then().statusCode(200).body("open", equalTo(true));
        submit(newClient(), article.slug, comment("Now")).then().statusCode(202);
    }

    @Test
    void postModerationShowsCommentsAtOnce() {
        var article = content.article().save();
        as("editor").contentType("application/json").body(Map.of("moderation", "post"))
                .put("/api/v1/admin/articles/" + article.id + "/comment-settings").then().statusCode(200).body("moderation", equalTo("post"));
        submit(newClient(), article.slug, comment("Straight in")).then().statusCode(202).body("status", equalTo("approved"));
        given().get("/api/v1/articles/" + article.slug + "/comments").then().body("count", equalTo(1));
    }

    @Test
    void markupAndScriptsFromReadersAreServedInert() {
        String slug = content.article().save().slug;
        String[] attacks = {
            "<script>alert(1)</script>Hello",
            "<img src=x onerror=alert(1)>Look",
            "<a href=\"javascript:alert(1)\">click</a> me",
            "&lt;script&gt;alert(1)&lt;/script&gt; escaped",
            "javascript:alert(1) as text",
            "<svg/onload=alert(1)>svg",
        };
        for (String attack : attacks) {
            Map<String, Object> body = comment(attack);
            body.put("authorName", "<b onmouseover=alert(1)>Mallory</b>");
            approved(slug, body);
        }
        String page = given().get("/api/v1/articles/" + slug + "/comments?limit=100").then().statusCode(200).extract().asString();
        String lower = page.toLowerCase(java.util.Locale.ROOT);
        for (String forbidden : new String[] {"<script", "<img", "<svg", "onerror=", "onload=", "onmouseover=", "href=\\\"javascript:"}) {
            assertFalse(lower.contains(forbidden), () -> "served " + forbidden + " in " + page);
        }
        assertTrue(page.contains("\"authorName\":\"Mallory\""));
        String moderation = as("moderator").get("/api/v1/admin/comments?article=" + slug + "&limit=100").asString().toLowerCase(java.util.Locale.ROOT);
        assertFalse(moderation.contains("<script") || moderation.contains("onerror=") || moderation.contains("<img"));
    }

    @Test
    void linksBecomeNofollowAnchorsOnlyForHttp() {
        String slug = content.article().save().slug;
        approved(slug, comment("Sources: https://example.org/report?id=1&x=2. And ftp://nope.example"));
        given().get("/api/v1/articles/" + slug + "/comments").then()
                .body("items[0].body", equalTo("<p>Sources: <a href=\"https://example.org/report?id=1&amp;x=2\" rel=\"nofollow ugc noopener\">"
                        + "https://example.org/report?id=1&amp;x=2</a>. And ftp://nope.example</p>"));
    }

    @Test
    void honeypotAndBlockedWordsGoStraightToSpam() {
        String slug = content.article().save().slug;
        Map<String, Object> bot = comment("Great article");
        bot.put("website", "http://spam.example");
        String botId = submit(newClient(), slug, bot).then().statusCode(202).body("status", equalTo("pending")).extract().path("id");
        String spamId = submit(newClient(), slug, comment("Win big with CASINO-BONUS today")).then().statusCode(202)
                .body("status", equalTo("pending")).extract().path("id");

        as("moderator").get("/api/v1/admin/comments?status=spam&article=" + slug).then().statusCode(200)
                .body("items.find { it.id == '" + botId + "' }.spamReason", equalTo("honeypot"))
                .body("items.find { it.id == '" + spamId + "' }.spamReason", equalTo("blocked: casino-bonus"));
        as("moderator").get("/api/v1/admin/comments?status=pending&article=" + slug).then().body("items", empty());
    }

    @Test
    void tooManySubmissionsFromOneClientAreThrottled() {
        String slug = content.article().save().slug;
        String client = newClient();
        for (int i = 0; i < 5; i++) {
            submit(client, slug, comment("Comment " + i)).then().statusCode(202);
        }
        submit(client, slug, comment("One too many")).then().statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_REQUESTS"));
        submit(newClient(), slug, comment("Someone else")).then().statusCode(202);
    }

    @Test
    void moderationNeedsAModeratingRole() {
        String slug = content.article().save().slug;
        String id = submitted(slug, comment("Judge me"));
        given().post("/api/v1/admin/comments/" + id + "/approve").then().statusCode(401);
        as("writer").post("/api/v1/admin/comments/" + id + "/approve").then().statusCode(403);
        as("writer").get("/api/v1/admin/comments").then().statusCode(403);
        as("editor").post("/api/v1/admin/comments/" + id + "/approve").then().statusCode(200);
        as("moderator").get("/api/v1/admin/comments?article=" + slug).then().statusCode(200)
                .body("items[0].authorEmail", equalTo("reader@example.org"));
    }

    @Test
    void bulkDecisionsAndDeletionKeepCountsRight() {
        String slug = content.article().save().slug;
        String a = submitted(slug, comment("A"));
        String b = submitted(slug, comment("B"));
        String missing = "00000000-0000-0000-0000-000000000001";

        as("moderator").contentType("application/json").body(Map.of("ids", List.of(a, b, missing), "action", "approve"))
                .post("/api/v1/admin/comments/bulk").then().statusCode(200).body("updated", equalTo(2)).body("notFound", contains(missing));
        given().get("/api/v1/articles/" + slug + "/comments").then().body("count", equalTo(2));
        as("moderator").delete("/api/v1/admin/comments/" + a).then().statusCode(204);
        given().get("/api/v1/articles/" + slug + "/comments").then().body("items.id", contains(b)).body("count", equalTo(1));
        as("moderator").delete("/api/v1/admin/comments/" + a).then().statusCode(404);
        as("moderator").contentType("application/json").body(Map.of("ids", List.of(b), "action", "archive"))
                .post("/api/v1/admin/comments/bulk").then().statusCode(400);
    }

    @Test
    void commentsArePagedByCursorInEitherOrder() {
        String slug = content.article().save().slug;
        String first = approved(slug, comment("1"));
        String second = approved(slug, comment("2"));
        String third = approved(slug, comment("3"));

        Response page = given().get("/api/v1/articles/" + slug + "/comments?limit=2");
        page.then().body("items.id", contains(first, second));
        given().get("/api/v1/articles/" + slug + "/comments?limit=2&cursor=" + page.path("next")).then().body("items.id", contains(third))
                .body("next", equalTo(null));
        given().get("/api/v1/articles/" + slug + "/comments?sort=newest").then().body("items.id", contains(third, second, first));
        given().get("/api/v1/articles/" + slug + "/comments?sort=newest&cursor=" + page.path("next")).then().statusCode(400);
        given().get("/api/v1/articles/" + slug + "/comments?parent=nope").then().statusCode(400);
    }

    @Test
    void countsForManyArticlesLeaveOutWhatReadersCannotSee() {
        String a = content.article().save().slug;
        String hidden = content.article().draft().save().slug;
        approved(a, comment("x"));
        given().get("/api/v1/comments/counts?articles=" + a + "," + hidden + ",no-such-slug").then().statusCode(200)
                .body("counts." + a, equalTo(1)).body("counts", not(hasKey(hidden))).body("counts", not(hasKey("no-such-slug")));
        given().get("/api/v1/comments/counts").then().statusCode(400).body("errors[0].parameter", equalTo("articles"));
        given().get("/api/v1/comments/counts?articles=" + String.join(",", java.util.Collections.nCopies(101, "a"))).then().statusCode(400);
    }

    @Test
    void staffCommentsAreNotAutoApprovedUnlessConfigured() {
        String slug = content.article().save().slug;
        as("editor").header("X-Forwarded-For", newClient()).contentType("application/json").body(comment("From the desk"))
                .post("/api/v1/articles/" + slug + "/comments").then().statusCode(202).body("status", equalTo("pending"));
        given().auth().oauth2("forged.token.here").header("X-Forwarded-For", newClient()).contentType("application/json")
                .body(comment("x")).post("/api/v1/articles/" + slug + "/comments").then().statusCode(401);
    }
}
