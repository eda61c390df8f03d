package dispatch.articles;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Marks scheduled articles whose time has come as published. Readers do not wait for it: visibility
 * is decided by the publication time itself, so a late run changes nothing they see.
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
        if (promoted > 0) {
            LOG.infof("Promoted %d scheduled article(s) to published", promoted);
        }
    }
}
