package dispatch.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Counters stored on articles so that reads never count rows. They change in the transaction of the
 * event they count, and are not edits: version and updatedAt stay as they are.
 */
@ApplicationScoped
public class ArticleCounters {

    private final EntityManager em;

    ArticleCounters(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void adjustCommentCount(UUID articleId, int delta) {
        if (delta != 0) {
            em.createNativeQuery("update articles set comment_count = greatest(0, comment_count + :delta) where id = :id")
                    .setParameter("delta", delta).setParameter("id", articleId).executeUpdate();
        }
    }
}
