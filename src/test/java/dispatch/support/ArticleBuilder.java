package dispatch.support;

import dispatch.articles.Article;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Builds one test article: {@code content.article().inSection(s).tagged(t).publishedAgo(hours(2)).save()}. */
public final class ArticleBuilder {

    private final TestContent content;
    String slug = TestContent.unique("story");
    String headline = "Headline of " + slug;
    String socialHeadline;
    String standfirst = "Standfirst of " + slug;
    String type = "news";
    String status = "published";
    String language = "en";
    String section = "news";
    Instant publishedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    String body = "[{\"type\":\"paragraph\",\"text\":\"One two three four five.\"}]";
    String imageUrl;
    final List<String> tags = new ArrayList<>();
    final List<String> authors = new ArrayList<>();
    final List<String> related = new ArrayList<>();
    final List<String> formerSlugs = new ArrayList<>();

    ArticleBuilder(TestContent content) {
        this.content = content;
    }

    public ArticleBuilder slug(String slug) {
        this.slug = slug;
        return this;
    }

    public ArticleBuilder headline(String headline) {
        this.headline = headline;
        return this;
    }

    public ArticleBuilder socialHeadline(String socialHeadline) {
        this.socialHeadline = socialHeadline;
        return this;
    }

    public ArticleBuilder standfirst(String standfirst) {
        this.standfirst = standfirst;
        return this;
    }

    public ArticleBuilder type(String type) {
        this.type = type;
        return this;
    }

    public ArticleBuilder language(String language) {
        this.language = language;
        return this;
    }

    public ArticleBuilder inSection(String section) {
        this.section = section;
        return this;
    }

    public ArticleBuilder draft() {
        this.status = "draft";
        this.publishedAt = null;
        return this;
    }

    public ArticleBuilder status(String status) {
        this.status = status;
        return this;
    }

    public ArticleBuilder publishedAt(Instant publishedAt) {
        this.publishedAt = publishedAt;
        return this;
    }

    public ArticleBuilder publishedAgo(Duration age) {
        return publishedAt(Instant.now().minus(age).truncatedTo(ChronoUnit.SECONDS));
    }

    public ArticleBuilder body(String blocksJson) {
        this.body = blocksJson;
        return this;
    }

    public ArticleBuilder heroImage(String url) {
        this.imageUrl = url;
        return this;
    }

    public ArticleBuilder tagged(String... tags) {
        this.tags.addAll(List.of(tags));
        return this;
    }

    public ArticleBuilder by(String... authors) {
        this.authors.addAll(List.of(authors));
        return this;
    }

    public ArticleBuilder relatedTo(String... slugs) {
        this.related.addAll(List.of(slugs));
        return this;
    }

    public ArticleBuilder formerlyKnownAs(String... slugs) {
        this.formerSlugs.addAll(List.of(slugs));
        return this;
    }

    public Article save() {
        return content.persist(this);
    }
}
