package dispatch.articles;

import static dispatch.support.Newsroom.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScheduledPublisherTest extends ApiTest {

    @Inject
    TestContent content;

    @Inject
    ArticleEditorService editor;

    @Test
    void dueScheduledArticlesAreMarkedPublishedWithARevisionAndAnAuditEntry() {
        var due = content.article().status("scheduled").publishedAgo(Duration.ofMinutes(1)).save();
        var later = content.article().status("scheduled").publishedAt(Instant.now().plus(Duration.ofHours(1))).save();

        assertTrue(editor.promoteDueScheduled() >= 1);
        as("editor").get("/api/v1/admin/articles/" + due.id).then().body("status", equalTo("published"));
        as("editor").get("/api/v1/admin/articles/" + later.id).then().body("status", equalTo("scheduled"));
        as("editor").get("/api/v1/admin/articles/" + due.id + "/revisions").then().body("items[0].action", equalTo("publish (scheduled)"))
                .body("items[0].createdBy", equalTo("system"));
        as("editor").get("/api/v1/admin/audit?entityId=" + due.id).then().body("items[0].actor", equalTo("system"))
                .body("items[0].action", equalTo("article.publish"));
    }
}
