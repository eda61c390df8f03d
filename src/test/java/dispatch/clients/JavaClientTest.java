package dispatch.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.client.ApiClient;
import dispatch.client.ApiException;
import dispatch.client.api.ArticlesApi;
import dispatch.client.api.SyncApi;
import dispatch.client.model.Article;
import dispatch.client.model.ArticleChange;
import dispatch.client.model.ArticlePage;
import dispatch.client.model.ArticleType;
import dispatch.client.model.Block;
import dispatch.client.model.Card;
import dispatch.client.model.ChangePage;
import dispatch.client.model.JsonLdParty;
import dispatch.client.model.ParagraphBlock;
import dispatch.client.model.RelatedBlock;
import dispatch.client.model.TaxonomyChange;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Java client openapi-generator makes of openapi.yaml (generated and compiled by the build), used
 * against the running API as a partner would: every answer must deserialize into its typed model.
 */
@QuarkusTest
class JavaClientTest {

    static final String SAMPLE = "russian-military-delegation-arrives-in-libya-invited-by-haftar";

    private final ApiClient client = new ApiClient();

    JavaClientTest() {
        client.updateBaseUri("http://localhost:8081");
    }

    @Test
    void theSampleArticleReadsIntoTypedModelsWithBlocksByType() throws ApiException {
        Article article = new ArticlesApi(client).getArticle(SAMPLE, null);
        assertEquals("Russian Military Delegation Arrives in Libya Invited by Haftar", article.getHeadline());
        assertEquals(ArticleType.OPINION, article.getType());
        assertEquals("News > Russia", String.join(" > ", article.getSection().getPath().stream().map(item -> item.getName()).toList()));
        assertNotNull(article.getHeroImage());
        assertEquals("Photo: X/ @LibyaReview", article.getHeroImage().getCredit());
        int paragraphs = 0;
        RelatedBlock related = null;
        for (Block block : article.getBody()) {
            if (block.getActualInstance() instanceof ParagraphBlock paragraph) {
                assertFalse(paragraph.getText().isBlank());
                paragraphs++;
            } else if (block.getActualInstance() instanceof RelatedBlock link) {
                related = link;
            }
        }
        assertTrue(paragraphs > 5, "paragraphs: " + paragraphs);
        assertNotNull(related, "the inline related link");
        assertEquals("55 Killed During Clashes in Libyan Capital", related.getHeadline());
        assertEquals("55-killed-during-clashes-in-libyan-capital", article.getRelated().get(0).getSlug());
    }

    @Test
    void listsPageWithoutOverlapAndCardsCarryTypedJsonLd() throws ApiException {
        ArticlesApi articles = new ArticlesApi(client);
        ArticlePage first = articles.listArticles("news", null, null, null, null, null, null, null, null, null, 5, null, null, null);
        assertEquals(5, first.getItems().size());
        assertNotNull(first.getNext());
        ArticlePage second = articles.listArticles("news", null, null, null, null, null, null, null, null, null, 5, first.getNext(), null,
                null);
        Set<java.util.UUID> seen = new HashSet<>();
        first.getItems().forEach(item -> seen.add(item.getId()));
        second.getItems().forEach(item -> assertFalse(seen.contains(item.getId()), item.getSlug()));

        Card card = articles.getArticleCard(SAMPLE);
        assertEquals(JsonLdParty.AtTypeEnum.ORGANIZATION, card.getJsonLd().getAuthor().get(0).getAtType());
        assertNotNull(card.getJsonLd().getPublisher().getLogo().getUrl());
    }

    @Test
    void changesDeserializeAsArticleOrTaxonomyChanges() throws ApiException {
        ChangePage page = new SyncApi(client).listChanges(null, 50);
        assertFalse(page.getItems().isEmpty());
        page.getItems().forEach(change -> {
            Object actual = change.getActualInstance();
            assertTrue(actual instanceof ArticleChange || actual instanceof TaxonomyChange, String.valueOf(actual));
            if (actual instanceof ArticleChange article && article.getData() != null) {
                assertEquals(article.getId(), article.getData().getId());
            }
        });
        assertNotNull(page.getNext());
    }

    @Test
    void aMissingArticleIsAnApiExceptionWithTheProblem() {
        ApiException missing = assertThrows(ApiException.class, () -> new ArticlesApi(client).getArticle("no-such-article-anywhere", null));
        assertEquals(404, missing.getCode());
        assertInstanceOf(String.class, missing.getResponseBody());
        assertTrue(missing.getResponseBody().contains("\"code\":\"NOT_FOUND\""), missing.getResponseBody());
    }
}
