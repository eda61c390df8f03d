package dispatch.articles;

import java.util.Set;

/** The kinds of article a page labels (Opinion, Live, ...). */
final class ArticleType {

    static final Set<String> ALL = Set.of("news", "opinion", "analysis", "feature", "live", "audio", "video", "gallery");

    private ArticleType() {
    }
}
