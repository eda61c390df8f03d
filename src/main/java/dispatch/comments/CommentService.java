package dispatch.comments;

import dispatch.articles.ArticleCounters;
import dispatch.articles.ArticleReadService;
import dispatch.audit.AuditLog;
import dispatch.auth.CurrentUser;
import dispatch.auth.Partner;
import dispatch.comments.api.BulkModerationRequest;
import dispatch.comments.api.BulkModerationResult;
import dispatch.comments.api.CommentAccepted;
import dispatch.comments.api.CommentRequest;
import dispatch.comments.api.CommentSettingsRequest;
import dispatch.comments.api.CommentSettingsResponse;
import dispatch.comments.api.ModeratedComment;
import dispatch.common.NewsConfig;
import dispatch.common.http.Problem;
import dispatch.common.http.ProblemException;
import dispatch.sync.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The comment lifecycle: readers submit (committed before the answer), moderators decide. Counts on
 * the article and on the parent follow every change into and out of "approved", in the same
 * transaction, so lists and counts agree the moment it commits.
 */
@ApplicationScoped
public class CommentService {

    static final int MAX_DEPTH = 3;
    static final Set<String> STATUSES = Set.of("pending", "approved", "rejected", "spam");

    private final CommentRepository comments;
    private final ArticleReadService articles;
    private final ArticleCounters counters;
    private final AuditLog audit;
    private final EntityManager em;
    private final CommentQueries queries;
    private final NewsConfig.Comments config;
    private final ChangeLog changes;
    private final dispatch.sync.CachePurger purger;

    CommentService(CommentRepository comments, ArticleReadService articles, ArticleCounters counters, AuditLog audit, EntityManager em,
            CommentQueries queries, NewsConfig config, ChangeLog changes, dispatch.sync.CachePurger purger) {
        this.changes = changes;
        this.purger = purger;
        this.comments = comments;
        this.articles = articles;
        this.counters = counters;
        this.audit = audit;
        this.em = em;
        this.queries = queries;
        this.config = config.comments();
    }

    /** The published article's id for its slug; 404 for anything readers cannot see. */
    UUID visibleArticle(String slug, Partner partner) {
        return articles.visibleIdBySlug(slug, partner).orElseThrow(() -> ProblemException.notFound("No published article with slug '" + slug + "'"));
    }

    boolean isOpen(UUID articleId) {
        CommentSettings settings = em.find(CommentSettings.class, articleId);
        return settings == null || !settings.isClosed(Instant.now());
    }

    /**
     * Stores a reader's comment. {@code staff} is the signed-in newsroom user, if any (auto-approval).
     * Spam is stored as spam but answered as pending, so that spammers learn nothing.
     */
    @Transactional
    public CommentAccepted submit(String slug, CommentRequest request, String clientAddress, CurrentUser.Actor staff, Partner partner) {
        UUID articleId = visibleArticle(slug, partner);
        CommentSettings settings = em.find(CommentSettings.class, articleId);
        Instant now = Instant.now();
        if (settings != null && settings.isClosed(now)) {
            throw new ProblemException(409, "COMMENTS_CLOSED", "Comments closed", "Comments on this article are closed", null, null);
        }
        String client = clientHash(clientAddress);
        enforceRateLimit(client, now);

        String name = CommentText.name(request.authorName());
        String body = CommentText.plain(request.body());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(Problem.FieldError.pointer("/authorName", "must contain text, not only markup"));
        }
        if (body.isEmpty()) {
            errors.add(Problem.FieldError.pointer("/body", "must contain text, not only markup"));
        }
        Comment parent = null;
        if (request.parentId() != null) {
            parent = comments.findUndeleted(request.parentId()).filter(p -> p.articleId.equals(articleId) && p.isPublic()).orElse(null);
            if (parent == null) {
                errors.add(Problem.FieldError.pointer("/parentId", "not a published comment of this article"));
            } else if (parent.depth >= MAX_DEPTH) {
                errors.add(Problem.FieldError.pointer("/parentId", "replies nest at most " + MAX_DEPTH + " levels"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidBody(errors);
        }

        Comment comment = new Comment();
        comment.id = UUID.randomUUID();
        comment.articleId = articleId;
        comment.parentId = parent == null ? null : parent.id;
        comment.depth = parent == null ? 1 : parent.depth + 1;
        comment.authorName = name;
        comment.authorEmail = request.authorEmail() == null || request.authorEmail().isBlank() ? null
                : request.authorEmail().strip().toLowerCase(Locale.ROOT);
        comment.body = body;
        comment.clientHash = client;
        comment.createdAt = now;
        comment.spamReason = spamReason(request, name, body);
        if (comment.spamReason != null) {
            comment.status = "spam";
        } else if (staff != null && config.autoApproveStaff()) {
            comment.status = "approved";
            comment.userId = staff.id();
        } else {
            comment.status = settings != null && "post".equals(settings.moderation) ? "approved" : "pending";
        }
        comments.persist(comment);
        if (comment.isPublic()) {
            countChange(comment, 1);
            announceApproved(comment);
        }
        em.flush();
        return new CommentAccepted(comment.id, "spam".equals(comment.status) ? "pending" : comment.status);
    }

    @Transactional
    public ModeratedComment moderate(UUID id, String status, CurrentUser.Actor actor) {
        Comment comment = comments.findUndeleted(id).orElseThrow(() -> ProblemException.notFound("No comment with id " + id));
        decide(comment, status, actor);
        em.flush();
        return queries.moderated(comment.id);
    }

    @Transactional
    public void delete(UUID id, CurrentUser.Actor actor) {
        Comment comment = comments.findUndeleted(id).orElseThrow(() -> ProblemException.notFound("No comment with id " + id));
        remove(comment, actor);
    }

    @Transactional
    public BulkModerationResult bulk(BulkModerationRequest request, CurrentUser.Actor actor) {
        List<UUID> ids = request.ids().stream().distinct().toList();
        List<Comment> found = comments.listUndeleted(ids);
        for (Comment comment : found) {
            if ("delete".equals(request.action())) {
                remove(comment, actor);
            } else {
                decide(comment, statusOf(request.action()), actor);
            }
        }
        Set<UUID> foundIds = new java.util.HashSet<>(found.stream().map(c -> c.id).toList());
        return new BulkModerationResult(found.size(), ids.stream().filter(i -> !foundIds.contains(i)).toList());
    }

    public CommentSettingsResponse settings(UUID articleId, CurrentUser user) {
        requireArticle(articleId, user);
        return toResponse(articleId, em.find(CommentSettings.class, articleId));
    }

    @Transactional
    public CommentSettingsResponse updateSettings(UUID articleId, CommentSettingsRequest request, CurrentUser user) {
        CurrentUser.Actor actor = user.actor();
        requireArticle(articleId, user);
        CommentSettings settings = em.find(CommentSettings.class, articleId);
        boolean created = settings == null;
        if (created) {
            settings = new CommentSettings();
            settings.articleId = articleId;
        }
        settings.closedAt = request.closedAt();
        if (request.moderation() != null) {
            settings.moderation = request.moderation();
        }
        settings.updatedAt = Instant.now();
        settings.updatedBy = actor.id();
        if (created) {
            em.persist(settings);
        }
        purger.purge(dispatch.common.http.CacheKeys.set(dispatch.common.http.CacheKeys.comments(articleId)));
        audit.record(actor, "comments.settings", "article", articleId, Map.of("closedAt", String.valueOf(settings.closedAt),
                "moderation", settings.moderation));
        return toResponse(articleId, settings);
    }

    static String statusOf(String action) {
        return switch (action) {
            case "approve" -> "approved";
            case "reject" -> "rejected";
            case "spam" -> "spam";
            default -> throw new IllegalArgumentException(action);
        };
    }

    private void decide(Comment comment, String status, CurrentUser.Actor actor) {
        boolean wasPublic = comment.isPublic();
        comment.status = status;
        comment.moderatedAt = Instant.now();
        comment.moderatedBy = actor.id();
        countChange(comment, (comment.isPublic() ? 1 : 0) - (wasPublic ? 1 : 0));
        audit.record(actor, "comment." + actionOf(status), "comment", comment.id, Map.of("articleId", comment.articleId.toString()));
        if (comment.isPublic() && !wasPublic) {
            announceApproved(comment);
        }
    }

    private void announceApproved(Comment comment) {
        String article = articles.slugsById(List.of(comment.articleId)).get(comment.articleId);
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("id", comment.id);
        payload.put("article", article);
        payload.put("articleId", comment.articleId);
        payload.put("parentId", comment.parentId);
        payload.put("authorName", comment.authorName);
        payload.put("createdAt", comment.createdAt.toString());
        changes.record("comment.approved", "comment", comment.id, article, comment.articleId, payload);
    }

    private void remove(Comment comment, CurrentUser.Actor actor) {
        boolean wasPublic = comment.isPublic();
        comment.deletedAt = Instant.now();
        comment.moderatedAt = comment.deletedAt;
        comment.moderatedBy = actor.id();
        countChange(comment, wasPublic ? -1 : 0);
        audit.record(actor, "comment.delete", "comment", comment.id, Map.of("articleId", comment.articleId.toString()));
    }

    private void countChange(Comment comment, int delta) {
        if (delta == 0) {
            return;
        }
        counters.adjustCommentCount(comment.articleId, delta);
        // the comment list and every response showing the article's comment count
        purger.purge(dispatch.common.http.CacheKeys.set(dispatch.common.http.CacheKeys.comments(comment.articleId),
                dispatch.common.http.CacheKeys.article(comment.articleId)));
        if (comment.parentId != null) {
            em.createNativeQuery("update comments set reply_count = greatest(0, reply_count + :delta) where id = :id")
                    .setParameter("delta", delta).setParameter("id", comment.parentId).executeUpdate();
        }
    }

    /** At most {@code rateLimit} submissions per client per window; serialized per client across instances. */
    private void enforceRateLimit(String client, Instant now) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:client))").setParameter("client", client).getSingleResult();
        List<Instant> recent = queries.submissionsSince(client, now.minus(config.rateWindow()));
        if (recent.size() >= config.rateLimit()) {
            long wait = Math.max(1, recent.get(recent.size() - config.rateLimit()).plus(config.rateWindow()).getEpochSecond() - now.getEpochSecond());
            throw new ProblemException(429, "TOO_MANY_REQUESTS", "Too Many Requests",
                    "Too many comments from this client; try again in " + wait + " seconds", null, Map.of("Retry-After", Long.toString(wait)));
        }
    }

    private String spamReason(CommentRequest request, String name, String body) {
        if (request.website() != null && !request.website().isBlank()) {
            return "honeypot";
        }
        String haystack = (name + "\n" + body).toLowerCase(Locale.ROOT);
        for (String word : config.blockedWords().orElse(List.of())) {
            String needle = word.strip().toLowerCase(Locale.ROOT);
            if (!needle.isEmpty() && haystack.contains(needle)) {
                return "blocked: " + needle;
            }
        }
        return null;
    }

    /**
     * The article's comments are this user's to rule: editors rule those of every article that is not
     * deleted; moderators, who work on what readers see, those of articles readers can see. Any other
     * is a 404, as if it did not exist.
     */
    private void requireArticle(UUID articleId, CurrentUser user) {
        boolean reachable = user.isEditor() ? articles.typeOf(articleId).isPresent() : articles.isVisible(articleId);
        if (!reachable) {
            throw ProblemException.notFound("No article with id " + articleId);
        }
    }

    private static CommentSettingsResponse toResponse(UUID articleId, CommentSettings settings) {
        return settings == null ? new CommentSettingsResponse(articleId, true, null, "pre", null)
                : new CommentSettingsResponse(articleId, !settings.isClosed(Instant.now()), settings.closedAt, settings.moderation,
                        settings.updatedAt);
    }

    private static String actionOf(String status) {
        return switch (status) {
            case "approved" -> "approve";
            case "rejected" -> "reject";
            default -> status;
        };
    }

    /** Clients are told apart by a hash of their address; the address itself is not stored. */
    private static String clientHash(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("dispatch-comment-client:" + address).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
