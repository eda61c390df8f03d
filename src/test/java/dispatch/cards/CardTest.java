package dispatch.cards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CardTest extends ApiTest {

    static final String SAMPLE = "russian-military-delegation-arrives-in-libya-invited-by-haftar";
    static final String SAMPLE_URL = "http://localhost:3000/news/russia/" + SAMPLE;

    @Inject
    TestContent content;

    @Test
    void cardUsesTheSocialHeadlineAndALargeImage() {
        given().get("/api/v1/articles/" + SAMPLE + "/card").then().statusCode(200)
                .body("title", equalTo("Russian military delegation in Libya at Haftar's invitation"))
                .body("url", equalTo(SAMPLE_URL))
                .body("image.width", equalTo(1200)).body("image.height", equalTo(675))
                .body("image.alt", equalTo("Yunus-Bek Yevkurov is greeted on the tarmac after landing in Benghazi"))
                .body("twitterCard", equalTo("summary_large_image"))
                .body("siteName", equalTo("Dispatch")).body("type", equalTo("article"))
                .body("section", equalTo("Russia")).body("tags", hasItem("Libya"))
                .body("publishedTime", equalTo("2023-08-22T15:30:00Z"))
                .body("jsonLd.'@type'", equalTo("NewsArticle"))
                .body("jsonLd.headline", equalTo("Russian Military Delegation Arrives in Libya Invited by Haftar"))
                .body("jsonLd.mainEntityOfPage", equalTo(SAMPLE_URL))
                .body("jsonLd.publisher.name", equalTo("Dispatch"));
    }

    @Test
    void articleWithoutABylineIsWrittenByThePublicationInJsonLd() {
        given().get("/api/v1/articles/" + SAMPLE + "/card").then().statusCode(200)
                .body("authors", org.hamcrest.Matchers.empty())
                .body("locale", equalTo("en"))
                .body("jsonLd.author", hasSize(1))
                .body("jsonLd.author[0].'@type'", equalTo("Organization"))
                .body("jsonLd.author[0].name", equalTo("Dispatch"))
                .body("jsonLd.author[0].url", equalTo("http://localhost:3000/"))
                .body("jsonLd.publisher.logo.'@type'", equalTo("ImageObject"))
                .body("jsonLd.publisher.logo.url", equalTo("http://localhost:3000/logo.png"));
    }

    @Test
    void bylinesCarryTheirProfilePageInTheCardAndInJsonLd() {
        String author = TestContent.unique("writer");
        content.author(author);
        String slug = content.article().by(author).language("en-GB").save().slug;
        String profile = "http://localhost:3000/authors/" + author;
        given().get("/api/v1/articles/" + slug + "/card").then().statusCode(200)
                .body("locale", equalTo("en_GB"))
                .body("authors", hasSize(1))
                .body("authors[0].url", equalTo(profile))
                .body("jsonLd.author", hasSize(1))
                .body("jsonLd.author[0].'@type'", equalTo("Person"))
                .body("jsonLd.author[0].url", equalTo(profile))
                .body("jsonLd.inLanguage", equalTo("en-GB"));
        given().get("/api/v1/authors/" + author).then().statusCode(200).body("links.web", equalTo(profile));
    }

    @Test
    void oembedKeepsItsBoxWithinMaxwidthAndMaxheight() {
        given().queryParam("url", SAMPLE_URL).get("/oembed").then().statusCode(200)
                .body("width", equalTo(600)).body("height", equalTo(200));
        given().queryParam("url", SAMPLE_URL).queryParam("maxwidth", "320").queryParam("maxheight", "120").get("/oembed").then()
                .statusCode(200).body("width", equalTo(320)).body("height", equalTo(120))
                .body("html", containsString("max-width:320px;max-height:120px;overflow:auto"));
        given().queryParam("url", SAMPLE_URL).queryParam("maxheight", "900").get("/oembed").then().body("height", equalTo(200));
        given().queryParam("url", SAMPLE_URL).queryParam("maxheight", "ten").get("/oembed").then().statusCode(400)
                .body("errors[0].parameter", equalTo("maxheight"));
    }

    @Test
    void cardWithoutImageIsASummaryCardAndHiddenArticlesHaveNone() {
        String slug = content.article().save().slug;
        given().get("/api/v1/articles/" + slug + "/card").then().statusCode(200).body("twitterCard", equalTo("summary"))
                .body("image", nullValue());
        given().get("/api/v1/articles/" + content.article().draft().save().slug + "/card").then().statusCode(404);
    }

    @Test
    void oembedAnswersForCanonicalUrlsOnly() {
        given().queryParam("url", SAMPLE_URL).get("/oembed").then().statusCode(200)
                .body("version", equalTo("1.0")).body("type", equalTo("rich"))
                .body("provider_name", equalTo("Dispatch"))
                .body("html", containsString("<a href=\"" + SAMPLE_URL + "\">"))
                .body("html", not(containsString("<script")))
                .body("thumbnail_url", equalTo("https://media.dispatch.example/2023/08/22/yevkurov-benghazi.jpg"));
        given().queryParam("url", SAMPLE_URL).queryParam("maxwidth", "400").get("/oembed").then().body("width", equalTo(400));
        given().queryParam("url", "https://elsewhere.example/news/" + SAMPLE).get("/oembed").then().statusCode(404);
        given().queryParam("url", "http://localhost:3000/news/africa/" + SAMPLE).get("/oembed").then().statusCode(404);
        given().queryParam("url", SAMPLE_URL).queryParam("format", "xml").get("/oembed").then().statusCode(501);
        given().get("/oembed").then().statusCode(400).body("errors[0].parameter", equalTo("url"));
    }
}
