package dispatch.articles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dispatch.articles.api.ArticleRequest;
import dispatch.articles.api.CorrectionRequest;
import dispatch.articles.api.EditorialArticle;
import dispatch.articles.api.ImageRequest;
import dispatch.articles.api.PreviewLink;
import dispatch.articles.api.PublishRequest;
import dispatch.articles.api.Revision;
import dispatch.articles.api.RevisionSummary;
import dispatch.audit.AuditLog;
import dispatch.auth.CurrentUser;
import dispatch.authors.AuthorLookup;
import dispatch.common.NewsConfig;
import dispatch.common.http.Links;
import dispatch.common.http.Problem;
import dispatch.common.http.ProblemException;
import dispatch.common.persistence.Rows;
import dispatch.common.text.Html;
import dispatch.common.text.Slugs;
import dispatch.sections.Section;
import dispatch.sections.SectionTree;
import dispatch.sync.ChangeLog;
import dispatch.tags.TagLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.LockOptions;

/**
 * The newsroom's actions on articles: write drafts, edit them safely (optimistic concurrency),
 * publish now or at a time, unpublish, correct, delete, and restore earlier revisions. Every save
 * stores a revision and every action an audit entry, in the same transaction as the change.
 */
@ApplicationScoped
public class ArticleEditorService {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final ArticleRepository articles;
    private final ArticleQueries queries;
    private final ArticleReadService reader;
    private final SectionTree sections;
    private final TagLookup tags;
    private final AuthorLookup authors;
    private final AuditLog audit;
    private final PreviewTokens previews;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Validator validator;
    private final NewsConfig config;
    private final ChangeLog changes;
    private final ArticleMapper mapper;
    private final dispatch.sync.CachePurger purger;
    private final VisibilityClock clock;

    private final EditorialAccess access;

    ArticleEditorService(ArticleRepository articles, ArticleQueries queries, ArticleReadService reader, SectionTree sections,
            TagLookup tags, AuthorLookup authors, AuditLog audit, PreviewTokens previews, EntityManager em, ObjectMapper json,
            Validator validator, NewsConfig config, ChangeLog changes, ArticleMapper mapper, dispatch.sync.CachePurger purger,
            VisibilityClock clock, EditorialAccess access) {
        this.access = access;
        this.clock = clock;
        this.purger = purger;
        this.changes = changes;
        this.mapper = mapper;
        this.articles = articles;
        this.queries = queries;
        this.reader = reader;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.audit = audit;
        this.previews = previews;
        this.em = em;
        this.json = json;
        this.validator = validator;
        this.config = config;
    }

    @Transactional
    public EditorialArticle create(ArticleRequest request, CurrentUser user) {
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.status = "draft";
        article.createdBy = user.id();
        article.createdAt = Instant.now();
        apply(article, request, user);
        articles.persist(article);
        EditorialArticle result = saved(article, "create", user);
        audit.record(user.actor(), "article.create", "article", article.id, Map.of("slug", article.slug));
        return result;
    }

    public EditorialArticle get(UUID id, CurrentUser user) {
        return toEditorial(load(id, user));
    }

    /** Replaces the article's content; {@code ifMatch} must name its current version. */
    @Transactional
    public EditorialArticle replace(UUID id, ArticleRequest request, String ifMatch, CurrentUser user) {
        Article article = loadForEdit(id, ifMatch, user);
        ArticleCacheKeys.State before = cacheState(article);
        apply(article, request, user);
        return updated(article, before, user);
    }

    /** Applies a JSON Merge Patch (RFC 7386) to the article's editorial form. */
    @Transactional
    public EditorialArticle patch(UUID id, JsonNode mergePatch, String ifMatch, CurrentUser user) {
        if (mergePatch == null || !mergePatch.isObject()) {
            throw ProblemException.invalidBody(List.of(Problem.FieldError.pointer("/", "a merge patch must be a JSON object")));
        }
        Article article = loadForEdit(id, ifMatch, user);
        ArticleCacheKeys.State before = cacheState(article);
        JsonNode merged = MergePatch.apply(json.valueToTree(requestOf(article)), mergePatch);
        apply(article, readRequest(merged), user);
        return updated(article, before, user);
    }

    private EditorialArticle updated(Article article, ArticleCacheKeys.State before, CurrentUser user) {
        EditorialArticle result = saved(article, "update", user);
        audit.record(user.actor(), "article.update", "article", article.id, Map.of("slug", article.slug, "version", article.version));
        announce(article, before, "article.updated");
        return result;
    }

    @Transactional
    public void delete(UUID id, CurrentUser user) {
        Article article = load(id, user);
        if (!user.isEditor() && !"draft".equals(article.status)) {
            throw forbidden("Writers can delete their own drafts only");
        }
        ArticleCacheKeys.State before = cacheState(article);
        article.status = "unpublished";
        article.deletedAt = Instant.now();
        article.updatedAt = article.deletedAt;
        em.flush();
        audit.record(user.actor(), "article.delete", "article", article.id, Map.of("slug", article.slug));
        purger.purge(ArticleCacheKeys.purge(before, cacheState(article)));
        if (before.visible()) {
            changes.record("article.deleted", "article", article.id, article.slug, article.id, Map.of("id", article.id, "slug", article.slug));
        }
    }

    /** Publishes now, or schedules for {@code publishAt}: readers see it from exactly that time. */
    @Transactional
    public EditorialArticle publish(UUID id, PublishRequest request, CurrentUser user) {
        Article article = load(id, user);
        ArticleCacheKeys.State before = cacheState(article);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant publishAt = request == null || request.publishAt() == null ? null : request.publishAt();
        Instant expireAt = request == null ? null : request.expireAt();
        boolean scheduled = publishAt != null && publishAt.isAfter(now);
        Instant effective = scheduled ? publishAt : publishAt != null ? publishAt : article.publishedAt != null ? article.publishedAt : now;
        if (expireAt != null && !expireAt.isAfter(scheduled ? publishAt : now)) {
            throw ProblemException.invalidBody(List.of(Problem.FieldError.pointer("/expireAt", "must be after the publication time")));
        }
        if ("draft".equals(article.status)) {
            requireSlugFree(article);
        }
        article.status = scheduled ? "scheduled" : "published";
        article.publishedAt = effective;
        article.expireAt = expireAt;
        article.updatedAt = now;
        EditorialArticle result = saved(article, scheduled ? "schedule" : "publish", user);
        Map<String, Object> details = new HashMap<>(Map.of("slug", article.slug, "publishedAt", effective.toString()));
        if (expireAt != null) {
            details.put("expireAt", expireAt.toString());
        }
        audit.record(user.actor(), scheduled ? "article.schedule" : "article.publish", "article", article.id, details);
        announce(article, before, "article.updated");
        return result;
    }

    @Transactional
    public EditorialArticle unpublish(UUID id, CurrentUser user) {
        Article article = load(id, user);
        ArticleCacheKeys.State before = cacheState(article);
        article.status = "unpublished";
        article.updatedAt = Instant.now();
        EditorialArticle result = saved(article, "unpublish", user);
        audit.record(user.actor(), "article.unpublish", "article", article.id, Map.of("slug", article.slug));
        announce(article, before, "article.updated");
        return result;
    }

    /** Appends a timestamped correction or update note to a published article. */
    @Transactional
    public EditorialArticle correct(UUID id, CorrectionRequest request, CurrentUser user) {
        Article article = load(id, user);
        ArticleCacheKeys.State before = cacheState(article);
        if (!"published".equals(article.status) && !"scheduled".equals(article.status)) {
            throw ProblemException.conflict("Corrections are appended to published articles; this one is " + article.status);
        }
        Instant now = Instant.now();
        em.createNativeQuery("insert into article_corrections (id, article_id, kind, text, created_at, created_by) "
                + "values (:id, :article, :kind, :text, :at, :by)")
                .setParameter("id", UUID.randomUUID()).setParameter("article", article.id).setParameter("kind", request.kind())
                .setParameter("text", request.text().strip()).setParameter("at", now).setParameter("by", user.id()).executeUpdate();
        article.updatedAt = now;
        EditorialArticle result = saved(article, "correct", user);
        audit.record(user.actor(), "article.correct", "article", article.id, Map.of("kind", request.kind(), "text", request.text()));
        announce(article, before, "article.updated");
        return result;
    }

    public List<RevisionSummary> revisions(UUID id, CurrentUser user) {
        load(id, user);
        List<RevisionSummary> revisions = new ArrayList<>();
        for (Object row : em.createNativeQuery("select r.number, r.action, r.created_at, coalesce(u.username, 'system') from article_revisions r "
                + "left join users u on u.id = r.created_by where r.article_id = :id order by r.number desc").setParameter("id", id)
                .getResultList()) {
            Object[] r = (Object[]) row;
            revisions.add(new RevisionSummary(Rows.integer(r[0]), (String) r[1], Rows.instant(r[2]), (String) r[3]));
        }
        return revisions;
    }

    public Revision revision(UUID id, int number, CurrentUser user) {
        load(id, user);
        List<?> rows = em.createNativeQuery("select r.number, r.action, r.created_at, coalesce(u.username, 'system'), r.snapshot::text "
                + "from article_revisions r left join users u on u.id = r.created_by where r.article_id = :id and r.number = :n")
                .setParameter("id", id).setParameter("n", number).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Article " + id + " has no revision " + number);
        }
        Object[] r = (Object[]) rows.get(0);
        try {
            return new Revision(Rows.integer(r[0]), (String) r[1], Rows.instant(r[2]), (String) r[3], json.readTree((String) r[4]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Brings back the content of revision {@code number} as a new revision; the status does not change. */
    @Transactional
    public EditorialArticle restore(UUID id, int number, String ifMatch, CurrentUser user) {
        Revision revision = revision(id, number, user);
        Article article = loadForEdit(id, ifMatch, user);
        ArticleCacheKeys.State before = cacheState(article);
        ObjectNode content = json.createObjectNode();
        for (String field : componentNames()) {
            if (revision.snapshot().has(field)) {
                content.set(field, revision.snapshot().get(field));
            }
        }
        apply(article, readRequest(content), user);
        EditorialArticle result = saved(article, "restore " + number, user);
        audit.record(user.actor(), "article.restore", "article", article.id, Map.of("revision", number, "slug", article.slug));
        announce(article, before, "article.updated");
        return result;
    }

    public PreviewLink previewLink(UUID id, CurrentUser user) {
        Article article = load(id, user);
        Instant expiresAt = Instant.now().plus(config.preview().lifespan()).truncatedTo(ChronoUnit.SECONDS);
        String token = previews.issue(article.id, expiresAt);
        return new PreviewLink(Links.trimSlash(config.apiUrl()) + "/api/v1/preview/" + token, expiresAt);
    }

    /** Rows another instance is promoting right now are skipped, not waited for nor done twice. */
    private static final String SKIP_LOCKED_HINT = "jakarta.persistence.lock.timeout";

    /** Promotes scheduled articles whose time has come to published (readers already see them). */
    @Transactional
    public int promoteDueScheduled() {
        List<Article> due = articles.find("status = 'scheduled' and publishedAt <= ?1 and deletedAt is null", Instant.now())
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(SKIP_LOCKED_HINT, LockOptions.SKIP_LOCKED).list();
        for (Article article : due) {
            ArticleCacheKeys.State before = cacheState(article);
            article.status = "published";
            em.flush();
            storeRevision(article, "publish (scheduled)", CurrentUser.Actor.SYSTEM);
            purger.purge(ArticleCacheKeys.purge(before, cacheState(article)));
            audit.record(CurrentUser.Actor.SYSTEM, "article.publish", "article", article.id,
                    Map.of("slug", article.slug, "publishedAt", article.publishedAt.toString(), "scheduled", true));
            if (visible(article)) {
                changes.record("article.published", "article", article.id, article.slug, article.id, payload(article));
            }
        }
        if (!due.isEmpty()) {
            clock.reset();
        }
        return due.size();
    }

    /** Unpublishes articles whose embargo window has ended (readers stopped seeing them at that time already). */
    @Transactional
    public int expireDue() {
        List<Article> due = articles.find("status in ('published', 'scheduled') and expireAt <= ?1 and deletedAt is null", Instant.now())
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(SKIP_LOCKED_HINT, LockOptions.SKIP_LOCKED).list();
        for (Article article : due) {
            boolean wasAnnounced = article.publishedAt != null && !article.publishedAt.isAfter(article.expireAt);
            ArticleCacheKeys.State before = new ArticleCacheKeys.State(article.id, true, article.status, cacheState(article).sectionPath(),
                    cacheState(article).tags(), cacheState(article).authors());
            article.status = "unpublished";
            em.flush();
            storeRevision(article, "unpublish (embargo ended)", CurrentUser.Actor.SYSTEM);
            audit.record(CurrentUser.Actor.SYSTEM, "article.expire", "article", article.id, Map.of("slug", article.slug));
            purger.purge(ArticleCacheKeys.purge(before, cacheState(article)));
            if (wasAnnounced) {
                changes.record("article.unpublished", "article", article.id, article.slug, article.id, Map.of("id", article.id, "slug", article.slug));
            }
        }
        if (!due.isEmpty()) {
            clock.reset();
        }
        return due.size();
    }

    private boolean visible(Article article) {
        return reader.isVisible(article.status, article.publishedAt, article.expireAt, article.deletedAt);
    }

    private ArticleCacheKeys.State cacheState(Article article) {
        return ArticleCacheKeys.state(article, visible(article), sections, ids -> ids.stream().map(tags.slugsById(ids)::get).toList(),
                ids -> ids.stream().map(authors.slugsById(ids)::get).toList());
    }

    /**
     * Tells partners and caches what the change meant for readers: published, updated or unpublished
     * (nothing for drafts), and the exact surrogate keys to purge.
     */
    private void announce(Article article, ArticleCacheKeys.State before, String whileVisible) {
        boolean wasVisible = before.visible();
        ArticleCacheKeys.State after = cacheState(article);
        Set<String> keys = new java.util.LinkedHashSet<>(ArticleCacheKeys.purge(before, after));
        if (article.expireAt != null || "scheduled".equals(article.status) || "scheduled".equals(before.status())) {
            // a planned moment appeared or went: every instance must look again when content next changes by itself
            keys.add(dispatch.common.http.CacheKeys.CLOCK);
            clock.reset();
        }
        purger.purge(keys);
        boolean nowVisible = after.visible();
        if (nowVisible) {
            changes.record(wasVisible ? whileVisible : "article.published", "article", article.id, article.slug, article.id, payload(article));
        } else if (wasVisible) {
            changes.record("article.unpublished", "article", article.id, article.slug, article.id, Map.of("id", article.id, "slug", article.slug));
        }
    }

    private Map<String, Object> payload(Article article) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("id", article.id);
        payload.put("slug", article.slug);
        payload.put("headline", article.headline);
        payload.put("type", article.type);
        payload.put("section", sections.slugOf(article.sectionId));
        payload.put("url", mapper.webUrl(article.slug, article.sectionId));
        payload.put("apiUrl", Links.trimSlash(config.apiUrl()) + "/api/v1/articles/" + article.slug);
        payload.put("publishedAt", article.publishedAt.toString());
        payload.put("updatedAt", article.updatedAt.toString());
        return payload;
    }

    // ---- loading and access

    private Article load(UUID id, CurrentUser user) {
        return access.visible(id, user);
    }

    private Article loadForEdit(UUID id, String ifMatch, CurrentUser user) {
        Article article = access.changeable(id, user);
        dispatch.common.http.Preconditions.requireMatch(ifMatch, article.version);
        return article;
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "FORBIDDEN", "Forbidden", detail, null, null);
    }

    // ---- applying a request

    private ArticleRequest readRequest(JsonNode node) {
        ArticleRequest request;
        try {
            request = json.readerFor(ArticleRequest.class).with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(node);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw ProblemException.invalidBody(List.of(Problem.FieldError.pointer("/" + e.getPropertyName(),
                    "this field cannot be set by clients")));
        } catch (IOException e) {
            throw ProblemException.invalidBody(List.of(Problem.FieldError.pointer("/", "a field has the wrong JSON type")));
        }
        Set<ConstraintViolation<ArticleRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidBody(violations.stream()
                    .map(v -> Problem.FieldError.pointer("/" + v.getPropertyPath().toString().replace('.', '/').replaceAll("\\[(\\d+)]", "/$1")
                            .replaceAll("<[^>]+>", "").replaceAll("/+$", ""), v.getMessage()))
                    .toList());
        }
        return request;
    }

    /** Validates the request against the rules and the references it names, then applies it to the article. */
    private void apply(Article article, ArticleRequest request, CurrentUser user) {
        request.body().forEach(dispatch.common.http.JsonInput::clean);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!ArticleType.ALL.contains(request.type())) {
            errors.add(Problem.FieldError.pointer("/type", "unknown type; allowed: " + String.join(", ", ArticleType.ALL.stream().sorted().toList())));
        }
        String language = request.language() == null ? "en" : request.language();
        if (!LANGUAGE.matcher(language).matches()) {
            errors.add(Problem.FieldError.pointer("/language", "must be a BCP 47 language tag such as en or es-MX"));
        }
        Section section = sections.bySlug(request.section()).orElse(null);
        if (section == null) {
            errors.add(Problem.FieldError.pointer("/section", "no section with slug '" + request.section() + "'"));
        }
        List<String> tagSlugs = distinct(request.tags());
        List<String> authorSlugs = distinct(request.authors());
        List<String> relatedSlugs = distinct(request.related());
        Map<String, UUID> tagIds = tags.idsBySlug(tagSlugs);
        Map<String, UUID> authorIds = authors.idsBySlug(authorSlugs);
        Set<String> bodySlugs = ArticleBodies.relatedSlugs(json.valueToTree(request.body()));
        Set<String> allRelated = new LinkedHashSet<>(relatedSlugs);
        allRelated.addAll(bodySlugs);
        Map<String, UUID> relatedIds = queries.idsBySlug(allRelated);
        missing(tagSlugs, tagIds, "/tags", "tag", errors);
        missing(authorSlugs, authorIds, "/authors", "author", errors);
        missing(relatedSlugs, relatedIds, "/related", "article", errors);
        if (relatedSlugs.stream().anyMatch(s -> s.equals(article.slug) || article.id.equals(relatedIds.get(s)))) {
            errors.add(Problem.FieldError.pointer("/related", "an article cannot be related to itself"));
        }
        errors.addAll(BodyValidator.check(request.body(), "/body"));
        for (int i = 0; i < request.body().size(); i++) {
            JsonNode block = request.body().get(i);
            if (block != null && "related".equals(block.path("type").asText()) && block.path("slug").isTextual()
                    && Slugs.isValid(block.get("slug").asText()) && !relatedIds.containsKey(block.get("slug").asText())) {
                errors.add(Problem.FieldError.pointer("/body/" + i + "/slug", "no article with slug '" + block.get("slug").asText() + "'"));
            }
        }
        if (request.heroImage() != null && !Html.isSafeUrl(request.heroImage().url())) {
            errors.add(Problem.FieldError.pointer("/heroImage/url", "must be an absolute http(s) URL"));
        }
        if (request.audio() != null && !Html.isSafeUrl(request.audio().url())) {
            errors.add(Problem.FieldError.pointer("/audio/url", "must be an absolute http(s) URL"));
        }
        if ("audio".equals(request.type()) && request.audio() == null) {
            errors.add(Problem.FieldError.pointer("/audio", "an audio article needs its audio asset (url, mimeType, durationSeconds, sizeBytes)"));
        }
        String slug = request.slug() == null ? null : request.slug().trim();
        if (slug != null && !Slugs.isValid(slug)) {
            errors.add(Problem.FieldError.pointer("/slug", "lower-case letters and digits joined by single hyphens, at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidBody(errors);
        }
        changeSlug(article, slug != null ? slug : article.slug != null ? article.slug : freeSlug(Slugs.of(request.headline()), article.id, user), user);
        article.type = request.type();
        article.headline = request.headline().strip();
        article.socialHeadline = blankToNull(request.socialHeadline());
        article.standfirst = blankToNull(request.standfirst());
        article.language = language;
        article.sectionId = section.id;
        ArrayNode body = json.valueToTree(request.body());
        article.body = body.toString();
        article.bodyText = ArticleBodies.plainText(body);
        article.wordCount = ArticleBodies.wordCount(article.bodyText);
        replace(article.tagIds, tagSlugs.stream().map(tagIds::get).toList());
        replace(article.authorIds, authorSlugs.stream().map(authorIds::get).toList());
        replace(article.relatedIds, relatedSlugs.stream().map(relatedIds::get).toList());
        article.heroImage = image(article.heroImage, request.heroImage());
        article.audio = request.audio() == null ? null : json.valueToTree(request.audio()).toString();
        article.updatedAt = Instant.now();
    }

    /** A new slug must be free; a published article keeps its old slug as a redirect. */
    private void changeSlug(Article article, String slug, CurrentUser user) {
        if (slug.equals(article.slug)) {
            return;
        }
        if (slugTaken(slug, article.id, user)) {
            throw ProblemException.conflict("The slug '" + slug + "' is used by another article");
        }
        if (article.slug != null && article.publishedAt != null) {
            article.formerSlugs.add(article.slug);
        }
        article.formerSlugs.remove(slug);
        article.slug = slug;
    }

    private String freeSlug(String base, UUID id, CurrentUser user) {
        String slug = base;
        for (int n = 2; slugTaken(slug, id, user); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    /**
     * Whether another article holds the slug as far as this user may know: one that readers can see or
     * once saw (any status but draft, and former slugs), or a draft the user can see (editors any,
     * writers their own). Other writers' drafts claim nothing, so their slugs cannot be probed; a
     * draft's slug is checked against everything when it is published ({@link #requireSlugFree}).
     */
    private boolean slugTaken(String slug, UUID id, CurrentUser user) {
        return slugHeld(slug, id, user.isEditor(), user.id());
    }

    /** Whether another article than {@code id} holds the slug: any but a draft, and the drafts named (every one, or {@code creator}'s). */
    private boolean slugHeld(String slug, UUID id, boolean everyDraft, UUID creator) {
        Number count = (Number) em.createNativeQuery("select (select count(*) from articles where slug = :slug and id <> :id "
                + "and (status <> 'draft' or :everyDraft or created_by = :creator)) "
                + "+ (select count(*) from article_slug_history where slug = :slug and article_id <> :id)")
                .setParameter("slug", slug).setParameter("id", id).setParameter("everyDraft", everyDraft)
                .setParameter("creator", creator == null ? new UUID(0, 0) : creator).getSingleResult();
        return count.intValue() > 0;
    }

    /** A draft being published must not take a slug readers already know for another article. */
    private void requireSlugFree(Article article) {
        if (slugHeld(article.slug, article.id, false, null)) {
            throw ProblemException.conflict("The slug '" + article.slug + "' is used by another article; give this one another slug before publishing it");
        }
    }

    private Image image(Image current, ImageRequest request) {
        if (request == null) {
            return null;
        }
        if (current != null && request.url().equals(current.url) && java.util.Objects.equals(request.caption(), current.caption)
                && java.util.Objects.equals(request.credit(), current.credit) && java.util.Objects.equals(request.alt(), current.altText)
                && java.util.Objects.equals(request.width(), current.width) && java.util.Objects.equals(request.height(), current.height)) {
            return current;
        }
        Image image = new Image();
        image.id = UUID.randomUUID();
        image.url = request.url();
        image.caption = blankToNull(request.caption());
        image.credit = blankToNull(request.credit());
        image.altText = request.alt();
        image.width = request.width();
        image.height = request.height();
        image.createdAt = Instant.now();
        em.persist(image);
        return image;
    }

    // ---- saving and representing

    private EditorialArticle saved(Article article, String action, CurrentUser user) {
        em.flush();
        storeRevision(article, action, user.actor());
        return toEditorial(article);
    }

    private void storeRevision(Article article, String action, CurrentUser.Actor actor) {
        try {
            em.createNativeQuery("insert into article_revisions (article_id, number, action, created_by, snapshot) "
                    + "select :id, coalesce(max(number), 0) + 1, :action, :by, cast(:snapshot as jsonb) from article_revisions where article_id = :id")
                    .setParameter("id", article.id).setParameter("action", action).setParameter("by", actor.id())
                    .setParameter("snapshot", json.writeValueAsString(toEditorial(article))).executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The editorial form of an article's content: what PUT takes, what PATCH merges into. */
    private ArticleRequest requestOf(Article article) {
        EditorialArticle e = toEditorial(article);
        return new ArticleRequest(e.slug(), e.type(), e.headline(), e.socialHeadline(), e.standfirst(), e.body(), e.language(), e.section(),
                e.tags(), e.authors(), e.related(), e.heroImage(), e.audio());
    }

    EditorialArticle toEditorial(Article article) {
        Map<UUID, String> tagSlugs = tags.slugsById(article.tagIds);
        Map<UUID, String> authorSlugs = authors.slugsById(article.authorIds);
        Map<UUID, String> relatedSlugs = queries.slugsById(article.relatedIds);
        List<JsonNode> body = new ArrayList<>();
        try {
            json.readTree(article.body).forEach(body::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Image image = article.heroImage;
        String createdBy = article.createdBy == null ? null : em.createQuery("select u.username from User u where u.id = :id", String.class)
                .setParameter("id", article.createdBy).getResultStream().findFirst().orElse(null);
        String api = Links.trimSlash(config.apiUrl());
        boolean live = reader.isVisible(article.status, article.publishedAt, article.expireAt, article.deletedAt);
        return new EditorialArticle(article.id, article.slug, article.status, article.version, article.type, article.headline,
                article.socialHeadline, article.standfirst, body, article.language, sections.slugOf(article.sectionId),
                article.tagIds.stream().map(tagSlugs::get).toList(), article.authorIds.stream().map(authorSlugs::get).toList(),
                article.relatedIds.stream().map(relatedSlugs::get).toList(),
                image == null ? null : new ImageRequest(image.url, image.caption, image.credit, image.altText, image.width, image.height),
                ArticleMapper.audio(article.audio), article.publishedAt, article.expireAt, article.createdAt, article.updatedAt, createdBy,
                article.formerSlugs.stream().sorted().toList(),
                queries.correctionsOf(article.id),
                new EditorialArticle.Links(api + "/api/v1/admin/articles/" + article.id, api + "/api/v1/admin/articles/" + article.id + "/revisions",
                        live ? api + "/api/v1/articles/" + article.slug : null));
    }

    private static List<String> componentNames() {
        return java.util.stream.Stream.of(ArticleRequest.class.getRecordComponents()).map(c -> c.getName()).toList();
    }

    private static void missing(List<String> slugs, Map<String, UUID> found, String pointer, String kind, List<Problem.FieldError> errors) {
        for (int i = 0; i < slugs.size(); i++) {
            if (!found.containsKey(slugs.get(i))) {
                errors.add(Problem.FieldError.pointer(pointer + "/" + i, "no " + kind + " with slug '" + slugs.get(i) + "'"));
            }
        }
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values.stream().map(String::trim).toList()));
    }

    private static <T> void replace(List<T> target, List<T> values) {
        if (!target.equals(values)) {
            target.clear();
            target.addAll(values);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
