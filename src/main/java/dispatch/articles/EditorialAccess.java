package dispatch.articles;

import dispatch.auth.CurrentUser;
import dispatch.common.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may act on an article in the newsroom: the one rule every editorial path passes, the article's
 * own requests and those on its parts (live entries). Editors and admins see and change every article;
 * writers see their own articles and change their own drafts only. An article a user may not see is
 * a 404 whatever it is, before anything else is said of it (its type, its state), so that ids cannot
 * be probed.
 */
@ApplicationScoped
public class EditorialAccess {

    private final ArticleRepository articles;

    EditorialAccess(ArticleRepository articles) {
        this.articles = articles;
    }

    /** The article if this user may see it in the newsroom; 404 otherwise. */
    Article visible(UUID id, CurrentUser user) {
        Article article = articles.findById(id);
        if (article == null || article.deletedAt != null || (!user.isEditor() && !user.id().equals(article.createdBy))) {
            throw ProblemException.notFound("No article with id " + id);
        }
        return article;
    }

    /** The article if this user may change it; 404 when it may not see it, 403 when it may only see it. */
    Article changeable(UUID id, CurrentUser user) {
        Article article = visible(id, user);
        if (!user.isEditor() && !"draft".equals(article.status)) {
            throw new ProblemException(403, "FORBIDDEN", "Forbidden", "Writers can change their own drafts only; this article is "
                    + article.status, null, null);
        }
        return article;
    }

    /** The type of an article this user may change ({@link #changeable}), for what changes a part of it. */
    public String changeableType(UUID id, CurrentUser user) {
        return changeable(id, user).type;
    }
}
