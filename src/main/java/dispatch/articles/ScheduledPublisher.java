package dispatch.articles;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Marks scheduled articles whose time has come as published, and unpublishes those whose embargo
 * ended. Readers do not wait for it: visibility is decided by the times themselves, so a late run
 * changes nothing they see; partners following the changes API and webhooks hear of it here.
 */
@ApplicationScoped
class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);

    private final ArticleEditorService editor;

    ScheduledPublisher(ArticleEditorService editor) {
        this.editor = editor;
    }

    @Scheduled(every = "${news.scheduler.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void promote() {
        int promoted = editor.promoteDueScheduled();
        int expired = editor.expireDue();
        if (promoted + expired > 0) {
            LOG.infof("Promoted %d scheduled article(s) to published; unpublished %d whose embargo ended", promoted, expired);
        }
    }
}
