package dispatch.collections;

import dispatch.articles.ArticleReadService;
import dispatch.articles.api.ArticleSummary;
import dispatch.audit.AuditLog;
import dispatch.auth.CurrentUser;
import dispatch.auth.Partner;
import dispatch.collections.api.CollectionRequest;
import dispatch.collections.api.CollectionResponse;
import dispatch.collections.api.EditorialCollection;
import dispatch.common.http.CacheKeys;
import dispatch.common.http.Problem;
import dispatch.common.http.Keyed;
import dispatch.common.http.ProblemException;
import dispatch.sync.CachePurger;
import java.util.Set;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Curated collections: editors order them; readers get their published articles in that order. */
@ApplicationScoped
public class CollectionService {

    private final CollectionRepository collections;
    private final ArticleReadService articles;
    private final AuditLog audit;
    private final CachePurger purger;

    CollectionService(CollectionRepository collections, ArticleReadService articles, AuditLog audit, CachePurger purger) {
        this.purger = purger;
        this.collections = collections;
        this.articles = articles;
        this.audit = audit;
    }

    /**
     * The published articles in the editor's order, keyed by the collection and the articles it shows.
     * The keys name no article a reader cannot see (they are sent as {@code Surrogate-Key}): while the
     * collection holds one, it is keyed by {@link CacheKeys#LATEST} too, which every article's entering
     * or leaving the lists purges, so that its publication still reaches the collection.
     */
    public Keyed<CollectionResponse> published(String slug, Partner partner) {
        CuratedList list = find(slug);
        List<ArticleSummary> shown = articles.summaries(list.articleIds, partner);
        Set<String> keys = new java.util.LinkedHashSet<>(List.of(CacheKeys.collection(slug), CacheKeys.SECTIONS, CacheKeys.TAGS, CacheKeys.AUTHORS));
        shown.forEach(article -> keys.add(CacheKeys.article(article.id())));
        if (shown.size() < list.articleIds.size()) {
            keys.add(CacheKeys.LATEST);
        }
        return new Keyed<>(new CollectionResponse(list.slug, list.name, list.description, list.updatedAt, shown), keys);
    }

    public List<EditorialCollection> list() {
        return collections.listBySlug().stream().map(this::toEditorial).toList();
    }

    public EditorialCollection get(String slug) {
        return toEditorial(find(slug));
    }

    @Transactional
    public EditorialCollection create(CollectionRequest request, CurrentUser.Actor actor) {
        if (collections.findBySlug(request.slug()).isPresent()) {
            throw ProblemException.conflict("The slug '" + request.slug() + "' is used by another collection");
        }
        CuratedList list = new CuratedList();
        list.id = UUID.randomUUID();
        list.createdAt = Instant.now();
        write(list, request);
        collections.persist(list);
        audit.record(actor, "collection.create", "collection", list.id, Map.of("slug", list.slug));
        purger.purge(CacheKeys.set(CacheKeys.collection(list.slug)));
        return toEditorial(list);
    }

    @Transactional
    public EditorialCollection replace(String slug, CollectionRequest request, CurrentUser.Actor actor) {
        CuratedList list = find(slug);
        if (!slug.equals(request.slug()) && collections.findBySlug(request.slug()).isPresent()) {
            throw ProblemException.conflict("The slug '" + request.slug() + "' is used by another collection");
        }
        write(list, request);
        collections.flush();
        audit.record(actor, "collection.update", "collection", list.id, Map.of("slug", list.slug, "articles", request.articles()));
        purger.purge(CacheKeys.set(CacheKeys.collection(slug), CacheKeys.collection(list.slug)));
        return toEditorial(list);
    }

    @Transactional
    public void delete(String slug, CurrentUser.Actor actor) {
        CuratedList list = find(slug);
        collections.delete(list);
        audit.record(actor, "collection.delete", "collection", list.id, Map.of("slug", slug));
        purger.purge(CacheKeys.set(CacheKeys.collection(slug)));
    }

    private void write(CuratedList list, CollectionRequest request) {
        List<String> slugs = List.copyOf(new LinkedHashSet<>(request.articles()));
        Map<String, UUID> ids = articles.idsBySlug(slugs);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            if (!ids.containsKey(slugs.get(i))) {
                errors.add(Problem.FieldError.pointer("/articles/" + i, "no article with slug '" + slugs.get(i) + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidBody(errors);
        }
        list.slug = request.slug();
        list.name = request.name().strip();
        list.description = request.description() == null || request.description().isBlank() ? null : request.description().strip();
        list.articleIds.clear();
        slugs.forEach(s -> list.articleIds.add(ids.get(s)));
        list.updatedAt = Instant.now();
    }

    private CuratedList find(String slug) {
        return collections.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("No collection with slug '" + slug + "'"));
    }

    private EditorialCollection toEditorial(CuratedList list) {
        Map<UUID, String> slugs = articles.slugsById(list.articleIds);
        return new EditorialCollection(list.slug, list.name, list.description, list.articleIds.stream().map(slugs::get).toList(),
                list.version, list.createdAt, list.updatedAt);
    }
}
