package dispatch.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoWriterTest {

    private static List<String> tables(List<Copy> copies) {
        return copies.stream().map(c -> c.target().substring(0, c.target().indexOf(' '))).toList();
    }

    /** The rows of one table's COPY data, parsed as PostgreSQL reads CSV: quoted values may hold commas, quotes and line breaks. */
    private static List<List<String>> rows(List<Copy> copies, String table) {
        String csv = copies.stream().filter(c -> c.target().startsWith(table + " ")).findFirst()
                .map(c -> new String(c.rows(), StandardCharsets.UTF_8)).orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted && c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                value.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ',' || c == '\n')) {
                row.add(value.toString());
                value.setLength(0);
                if (c == '\n') {
                    rows.add(row);
                    row = new ArrayList<>();
                }
            } else {
                value.append(c);
            }
        }
        return rows;
    }

    @Test
    void chunksComeInForeignKeyOrderWithTheTaxonomyOnlyInTheFirst() {
        DemoWriter writer = new DemoWriter();
        DemoGenerator generator = new DemoGenerator(writer, 7L, Instant.parse("2026-12-02T00:00:00Z"));
        List<List<Copy>> chunks = new ArrayList<>();
        generator.generate(DemoGenerator.CHUNK + 10, () -> chunks.add(writer.encode()));
        chunks.add(writer.encode());

        assertEquals(2, chunks.size());
        assertEquals(List.of("sections", "tags", "authors", "images", "articles", "article_tags", "article_authors", "article_related",
                "comments"), tables(chunks.get(0)));
        assertEquals(List.of("images", "articles", "article_tags", "article_authors", "article_related", "comments"),
                tables(chunks.get(1)));
        assertEquals(DemoGenerator.CHUNK + 10, writer.articlesEncoded());
        assertEquals(10, rows(chunks.get(1), "articles").size());
        assertEquals(18, rows(chunks.get(1), "articles").get(0).size(), "every column of the COPY statement has a value");
    }

    @Test
    void eachArticleRowCountsTheCommentRowsWrittenForIt() {
        DemoWriter writer = new DemoWriter();
        new DemoGenerator(writer, 7L, Instant.parse("2026-12-02T00:00:00Z")).generate(300, () -> {
        });
        List<Copy> chunk = writer.encode();
        Map<String, Long> commentsByArticle = rows(chunk, "comments").stream()
                .collect(Collectors.groupingBy(comment -> comment.get(1), Collectors.counting()));
        assertTrue(commentsByArticle.size() > 20, "about a fifth of 300 articles have comments");
        List<List<String>> articles = rows(chunk, "articles");
        assertEquals(300, articles.size());
        for (List<String> article : articles) {
            assertEquals(String.valueOf(commentsByArticle.getOrDefault(article.get(0), 0L)), article.get(17), article.get(1));
        }
    }

    @Test
    void slugsAndIdsAreUniqueAndRelatedLinksPointToArticlesAlreadyWritten() {
        DemoWriter writer = new DemoWriter();
        List<List<Copy>> chunks = new ArrayList<>();
        new DemoGenerator(writer, 11L, Instant.parse("2026-12-02T00:00:00Z")).generate(3 * DemoGenerator.CHUNK, () -> chunks.add(writer.encode()));
        Set<String> slugs = new HashSet<>();
        Set<String> written = new HashSet<>();
        int related = 0;
        for (List<Copy> chunk : chunks) {
            for (List<String> article : rows(chunk, "articles")) {
                assertTrue(written.add(article.get(0)), "id written once: " + article.get(1));
                assertTrue(slugs.add(article.get(1)), "slug written once: " + article.get(1));
                assertEquals(DemoWriter.articleId(article.get(1)).toString(), article.get(0));
            }
            for (List<String> link : rows(chunk, "article_related")) {
                assertTrue(written.contains(link.get(1)), "a related article is written before the link to it");
                related++;
            }
        }
        assertEquals(3 * DemoGenerator.CHUNK, written.size());
        assertTrue(slugs.stream().anyMatch(slug -> slug.matches(".*-[0-9]+")), "repeated headlines are numbered");
        assertTrue(related > 300, "about a fifth of the articles link to related ones");
    }
}
