package dispatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dispatch.articles.ArticleBodies;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Collects demo rows by slug and encodes them in chunks as {@code COPY} data in foreign-key order,
 * so that a large generated archive loads in little memory and as fast as PostgreSQL's per-row work
 * allows.
 */
final class DemoWriter {

    record ArticleSpec(String slug, String type, String status, String section, String language, Instant publishedAt,
            String headline, String socialHeadline, String standfirst, JsonNode body, List<String> tags, List<String> authors,
            List<String> related, JsonNode heroImage, List<Instant> comments) {
    }

    private record SectionRow(UUID id, String slug, String name, UUID parentId, int position) {
    }

    private final Map<String, SectionRow> sections = new LinkedHashMap<>();
    private final Map<String, UUID> tags = new LinkedHashMap<>();
    private final Map<String, String> tagNames = new LinkedHashMap<>();
    private final Map<String, UUID> authors = new LinkedHashMap<>();
    private final Map<String, String[]> authorDetails = new LinkedHashMap<>();
    private final Set<String> documentSlugs = new HashSet<>();
    private final List<ArticleSpec> articles = new ArrayList<>();

    void section(String slug, String name, String parentSlug) {
        if (!sections.containsKey(slug)) {
            UUID parent = parentSlug == null ? null : sections.get(parentSlug).id();
            sections.put(slug, new SectionRow(UUID.randomUUID(), slug, name, parent, sections.size()));
        }
    }

    void tag(String slug, String name) {
        tags.putIfAbsent(slug, UUID.randomUUID());
        tagNames.putIfAbsent(slug, name);
    }

    void author(String slug, String name, String bio) {
        authors.putIfAbsent(slug, UUID.randomUUID());
        authorDetails.putIfAbsent(slug, new String[] {name, bio});
    }

    /** Whether an article of the sample document has this slug. */
    boolean hasArticle(String slug) {
        return documentSlugs.contains(slug);
    }

    /**
     * An article's id, named by its slug: related links find the id of an article written chunks
     * before without a map of every slug to its id (a million of them took more than the heap).
     */
    static UUID articleId(String slug) {
        return UUID.nameUUIDFromBytes(("dispatch demo article " + slug).getBytes(StandardCharsets.UTF_8));
    }

    void article(ArticleSpec spec) {
        articles.add(spec);
    }

    /** Adds the sections, tags and articles of a document shaped like resources/demo/sample-article.json. */
    void addDocument(JsonNode doc) {
        doc.path("sections").forEach(s -> section(s.get("slug").asText(), s.get("name").asText(), s.path("parent").asText(null)));
        doc.path("tags").forEach(t -> tag(t.get("slug").asText(), t.get("name").asText()));
        doc.path("articles").forEach(a -> documentSlugs.add(a.get("slug").asText()));
        doc.path("articles").forEach(a -> article(new ArticleSpec(a.get("slug").asText(), a.get("type").asText(), "published",
                a.get("section").asText(), a.path("language").asText("en"), Instant.parse(a.get("publishedAt").asText()),
                a.get("headline").asText(), a.path("socialHeadline").asText(null), a.path("standfirst").asText(null), a.get("body"),
                strings(a.path("tags")), strings(a.path("authors")), strings(a.path("related")),
                a.hasNonNull("heroImage") ? a.get("heroImage") : null, List.of())));
    }

    private boolean taxonomyEncoded;
    private int encoded;

    /** How many articles {@link #encode()} has returned in all. */
    int articlesEncoded() {
        return encoded;
    }

    /**
     * The rows collected since the last call as {@code COPY} data, in foreign-key order (the taxonomy
     * the first time, then images, articles, their links and comments); forgets the articles,
     * so that a large archive is generated in little memory. Touches no database, so the
     * next chunk is encoded while the last one is written.
     */
    List<Copy> encode() {
        List<Copy> copies = new ArrayList<>();
        if (!taxonomyEncoded) {
            Copy.Builder s = new Copy.Builder("sections (id, slug, name, parent_id, position)");
            sections.values().forEach(r -> s.row(r.id(), r.slug(), r.name(), r.parentId(), r.position()));
            Copy.Builder t = new Copy.Builder("tags (id, slug, name)");
            tags.forEach((slug, id) -> t.row(id, slug, tagNames.get(slug)));
            Copy.Builder a = new Copy.Builder("authors (id, slug, name, bio, avatar_url)");
            authors.forEach((slug, id) -> a.row(id, slug, authorDetails.get(slug)[0], authorDetails.get(slug)[1],
                    "https://media.dispatch.example/authors/" + slug + ".jpg"));
            copies.addAll(List.of(s.build(), t.build(), a.build()));
            taxonomyEncoded = true;
        }
        Copy.Builder images = new Copy.Builder("images (id, url, caption, credit, alt_text, width, height)");
        Copy.Builder rows = new Copy.Builder("articles (id, slug, type, status, headline, social_headline, standfirst, body, "
                + "body_text, word_count, language, section_id, hero_image_id, published_at, created_at, updated_at, audio, comment_count)");
        Copy.Builder tagLinks = new Copy.Builder("article_tags (article_id, tag_id, position)");
        Copy.Builder authorLinks = new Copy.Builder("article_authors (article_id, author_id, position)");
        Copy.Builder relatedLinks = new Copy.Builder("article_related (article_id, related_id, position)");
        Copy.Builder comments = new Copy.Builder("comments (id, article_id, depth, author_name, body, status, client_hash, created_at)");
        for (ArticleSpec a : articles) {
            UUID id = articleId(a.slug());
            UUID imageId = null;
            if (a.heroImage() != null) {
                imageId = UUID.randomUUID();
                JsonNode image = a.heroImage();
                images.row(imageId, image.get("url").asText(), image.path("caption").asText(null), image.path("credit").asText(null),
                        image.path("alt").asText(null), intOrNull(image.path("width")), intOrNull(image.path("height")));
            }
            String text = ArticleBodies.plainText(a.body());
            Instant created = a.publishedAt() == null ? Instant.now() : a.publishedAt().minusSeconds(3600);
            rows.row(id, a.slug(), a.type(), a.status(), a.headline(), a.socialHeadline(), a.standfirst(), a.body(), text,
                    ArticleBodies.wordCount(text), a.language(), sections.get(a.section()).id(), imageId, a.publishedAt(), created,
                    a.publishedAt() == null ? created : a.publishedAt(), audioAsset(a), a.comments().size());
            link(tagLinks, id, a.tags(), tags::get);
            link(authorLinks, id, a.authors(), authors::get);
            link(relatedLinks, id, a.related(), DemoWriter::articleId);
            for (int n = 0; n < a.comments().size(); n++) {
                comments.row(UUID.randomUUID(), id, 1, "Reader " + (n + 1),
                        "Comment number " + (n + 1) + " on this story: thank you for the context.", "approved", "demo", a.comments().get(n));
            }
        }
        copies.addAll(List.of(images.build(), rows.build(), tagLinks.build(), authorLinks.build(), relatedLinks.build(), comments.build()));
        encoded += articles.size();
        articles.clear();
        return copies;
    }

    /** Writes {@code copies} in their order. */
    static void write(Connection connection, List<Copy> copies) throws SQLException {
        CopyManager api = connection.unwrap(PGConnection.class).getCopyAPI();
        for (Copy c : copies) {
            if (c.rows().length == 0) {
                continue;
            }
            CopyIn in = api.copyIn("copy " + c.target() + " from stdin (format csv)");
            try {
                in.writeToCopy(c.rows(), 0, c.rows().length);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        }
    }

    /** The change log starts with the demo content, so that a mirror replaying it gets every published article. */
    static void recordEvents(Connection connection) throws SQLException {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("select pg_advisory_xact_lock(" + dispatch.sync.ChangeLog.LOCK_KEY + ")");
            for (String type : new String[] {"section", "tag", "author"}) {
                st.execute("insert into events (seq, type, entity_type, entity_id, slug, payload) select "
                        + "(select coalesce(max(seq), 0) from events) + row_number() over (order by slug), '" + type + ".updated', '"
                        + type + "', id, slug, jsonb_build_object('slug', slug, 'name', name) from " + type + "s");
            }
            st.execute("insert into events (seq, type, entity_type, entity_id, slug, occurred_at, payload) select "
                    + "(select coalesce(max(seq), 0) from events) + row_number() over (order by published_at, id), 'article.published', "
                    + "'article', id, slug, published_at, jsonb_build_object('id', id, 'slug', slug, 'headline', headline) from articles "
                    + "where status = 'published' and published_at <= now()");
        }
    }

    private static void link(Copy.Builder out, UUID articleId, List<String> slugs, Function<String, UUID> ids) {
        for (int position = 0; position < slugs.size(); position++) {
            out.row(articleId, ids.apply(slugs.get(position)), position);
        }
    }

    /** An audio article's asset: its first audio block, without the block's own members. */
    private static String audioAsset(ArticleSpec a) {
        if (!"audio".equals(a.type())) {
            return null;
        }
        for (JsonNode block : a.body()) {
            if ("audio".equals(block.path("type").asText())) {
                com.fasterxml.jackson.databind.node.ObjectNode asset = ((com.fasterxml.jackson.databind.node.ObjectNode) block).deepCopy();
                asset.remove(List.of("type", "title"));
                return asset.toString();
            }
        }
        return null;
    }

    private static Integer intOrNull(JsonNode value) {
        return value.canConvertToInt() ? value.asInt() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
