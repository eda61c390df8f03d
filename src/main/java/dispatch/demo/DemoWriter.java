package dispatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.articles.ArticleBodies;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Collects demo rows by slug and writes them in foreign-key order, in chunks, the articles by
 * {@code COPY} and the rest with JDBC batches, so that a large generated archive loads in little
 * memory and as fast as PostgreSQL's per-row work allows.
 */
final class DemoWriter {

    record ArticleSpec(String slug, String type, String status, String section, String language, Instant publishedAt,
            String headline, String socialHeadline, String standfirst, JsonNode body, List<String> tags, List<String> authors,
            List<String> related, JsonNode heroImage) {
    }

    private record SectionRow(UUID id, String slug, String name, UUID parentId, int position) {
    }

    private final ObjectMapper json;
    private final Map<String, SectionRow> sections = new LinkedHashMap<>();
    private final Map<String, UUID> tags = new LinkedHashMap<>();
    private final Map<String, String> tagNames = new LinkedHashMap<>();
    private final Map<String, UUID> authors = new LinkedHashMap<>();
    private final Map<String, String[]> authorDetails = new LinkedHashMap<>();
    private final Map<String, UUID> articleIds = new LinkedHashMap<>();
    private final List<ArticleSpec> articles = new ArrayList<>();

    DemoWriter(ObjectMapper json) {
        this.json = json;
    }

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

    boolean hasArticle(String slug) {
        return articleIds.containsKey(slug);
    }

    void article(ArticleSpec spec) {
        articleIds.put(spec.slug(), UUID.randomUUID());
        articles.add(spec);
    }

    /** Adds the sections, tags and articles of a document shaped like resources/demo/sample-article.json. */
    void addDocument(JsonNode doc) {
        doc.path("sections").forEach(s -> section(s.get("slug").asText(), s.get("name").asText(), s.path("parent").asText(null)));
        doc.path("tags").forEach(t -> tag(t.get("slug").asText(), t.get("name").asText()));
        doc.path("articles").forEach(a -> article(new ArticleSpec(a.get("slug").asText(), a.get("type").asText(), "published",
                a.get("section").asText(), a.path("language").asText("en"), Instant.parse(a.get("publishedAt").asText()),
                a.get("headline").asText(), a.path("socialHeadline").asText(null), a.path("standfirst").asText(null), a.get("body"),
                strings(a.path("tags")), strings(a.path("authors")), strings(a.path("related")),
                a.hasNonNull("heroImage") ? a.get("heroImage") : null)));
    }

    private boolean taxonomyWritten;
    private int written;

    /** Writes everything collected so far and forgets the articles (not their ids); returns articles written in all. */
    int flush(Connection connection) throws SQLException {
        if (!taxonomyWritten) {
            writeTaxonomy(connection);
            taxonomyWritten = true;
        }
        writeArticles(connection);
        written += articles.size();
        articles.clear();
        return written;
    }

    /** After the last flush: the change log and the comments of what was written. */
    void finish(Connection connection) throws SQLException {
        recordEvents(connection);
        addComments(connection);
    }

    private void writeTaxonomy(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into sections (id, slug, name, parent_id, position) values (?, ?, ?, ?, ?)")) {
            for (SectionRow s : sections.values()) {
                ps.setObject(1, s.id());
                ps.setString(2, s.slug());
                ps.setString(3, s.name());
                ps.setObject(4, s.parentId());
                ps.setInt(5, s.position());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement("insert into tags (id, slug, name) values (?, ?, ?)")) {
            for (Map.Entry<String, UUID> t : tags.entrySet()) {
                ps.setObject(1, t.getValue());
                ps.setString(2, t.getKey());
                ps.setString(3, tagNames.get(t.getKey()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into authors (id, slug, name, bio, avatar_url) values (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, UUID> a : authors.entrySet()) {
                String[] details = authorDetails.get(a.getKey());
                ps.setObject(1, a.getValue());
                ps.setString(2, a.getKey());
                ps.setString(3, details[0]);
                ps.setString(4, details[1]);
                ps.setString(5, "https://media.dispatch.example/authors/" + a.getKey() + ".jpg");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writeArticles(Connection connection) throws SQLException {
        List<UUID> imageIds = new ArrayList<>();
        try (PreparedStatement images = connection.prepareStatement(
                "insert into images (id, url, caption, credit, alt_text, width, height) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (ArticleSpec a : articles) {
                UUID imageId = null;
                if (a.heroImage() != null) {
                    imageId = UUID.randomUUID();
                    JsonNode image = a.heroImage();
                    images.setObject(1, imageId);
                    images.setString(2, image.get("url").asText());
                    images.setString(3, image.path("caption").asText(null));
                    images.setString(4, image.path("credit").asText(null));
                    images.setString(5, image.path("alt").asText(null));
                    setInt(images, 6, image.path("width"));
                    setInt(images, 7, image.path("height"));
                    images.addBatch();
                }
                imageIds.add(imageId);
            }
            images.executeBatch();
        }
        // The rows themselves by COPY: a load is PostgreSQL's per-row work (the generated tsvector, the
        // indexes), and multi-row INSERTs added to it (30,000 articles: 40 s by COPY, 44-47 s batched).
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy articles (id, slug, type, status, headline, "
                + "social_headline, standfirst, body, body_text, word_count, language, section_id, hero_image_id, published_at, "
                + "created_at, updated_at, audio) from stdin (format csv)");
        try {
            StringBuilder row = new StringBuilder(16_384);
            for (int i = 0; i < articles.size(); i++) {
                ArticleSpec a = articles.get(i);
                String text = ArticleBodies.plainText(a.body());
                Instant created = a.publishedAt() == null ? Instant.now() : a.publishedAt().minusSeconds(3600);
                row.setLength(0);
                Csv.row(row, articleIds.get(a.slug()), a.slug(), a.type(), a.status(), a.headline(), a.socialHeadline(), a.standfirst(),
                        a.body(), text, ArticleBodies.wordCount(text), a.language(), sections.get(a.section()).id(), imageIds.get(i),
                        a.publishedAt(), created, a.publishedAt() == null ? created : a.publishedAt(), audioAsset(a));
                byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        link(connection, "insert into article_tags (article_id, tag_id, position) values (?, ?, ?)", ArticleSpec::tags, tags);
        link(connection, "insert into article_authors (article_id, author_id, position) values (?, ?, ?)", ArticleSpec::authors, authors);
        link(connection, "insert into article_related (article_id, related_id, position) values (?, ?, ?)", ArticleSpec::related, articleIds);
    }

    /** Approved reader comments under a fifth of the generated published articles (1 to 12 each), with their counts; the sample page has none. */
    private static void addComments(Connection connection) throws SQLException {
        try (java.sql.Statement st = connection.createStatement()) {
            st.execute("insert into comments (id, article_id, depth, author_name, body, status, client_hash, created_at) "
                    + "select gen_random_uuid(), a.id, 1, 'Reader ' || g, 'Comment number ' || g || ' on this story: thank you for the context.', "
                    + "'approved', 'demo', a.published_at + g * interval '7 minutes' from articles a "
                    + "cross join lateral generate_series(1, 1 + abs(hashtext(a.id::text)) % 12) g "
                    + "where a.status = 'published' and abs(hashtext(a.slug)) % 5 = 0 and a.published_at > timestamptz '2024-01-01'");
            st.execute("update articles a set comment_count = c.n from (select article_id, count(*) n from comments "
                    + "where status = 'approved' group by 1) c where c.article_id = a.id");
        }
    }

    /** The change log starts with the demo content, so that a mirror replaying it gets every published article. */
    private static void recordEvents(Connection connection) throws SQLException {
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

    private void link(Connection connection, String sql, java.util.function.Function<ArticleSpec, List<String>> slugs,
            Map<String, UUID> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (ArticleSpec a : articles) {
                int position = 0;
                for (String slug : slugs.apply(a)) {
                    ps.setObject(1, articleIds.get(a.slug()));
                    ps.setObject(2, ids.get(slug));
                    ps.setInt(3, position++);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
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

    private static void setInt(PreparedStatement ps, int index, JsonNode value) throws SQLException {
        if (value.canConvertToInt()) {
            ps.setInt(index, value.asInt());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
