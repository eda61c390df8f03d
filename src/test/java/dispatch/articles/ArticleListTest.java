package dispatch.articles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dispatch.support.ApiTest;
import dispatch.support.TestContent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleListTest extends ApiTest {

    @Inject
    TestContent content;

    /** A section of its own, with {@code n} published articles one hour apart, newest first. */
    private List<String> sectionWithArticles(String section, int n) {
        content.section(section, "news");
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slugs.add(content.article().inSection(section).publishedAgo(Duration.ofHours(i + 1)).save().slug);
        }
        return slugs;
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void listIsNewestFirstWithSummariesOnly() {
        String section = TestContent.unique("sec");
        List<String> slugs = sectionWithArticles(section, 3);

        given().get("/api/v1/articles?section=" + section).then().statusCode(200)
                .body("items.slug", contains(slugs.toArray()))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("body")))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("bodyHtml")))
                .body("items[0].section.slug", equalTo(section))
                .body("next", nullValue());
        given().get("/api/v1/articles?section=" + section + "&sort=oldest").then()
                .body("items.slug", contains(reversed(slugs).toArray()));
    }

    @Test
    void sectionFilterIncludesDescendantSections() {
        String parent = TestContent.unique("parent");
        String child = TestContent.unique("child");
        String grandchild = TestContent.unique("grandchild");
        content.section(parent, "news");
        content.section(child, parent);
        content.section(grandchild, child);
        String inParent = content.article().inSection(parent).save().slug;
        String inGrandchild = content.article().inSection(grandchild).save().slug;

        given().get("/api/v1/articles?section=" + parent).then().statusCode(200)
                .body("items.slug", containsInAnyOrder(inParent, inGrandchild));
        given().get("/api/v1/articles?section=" + child).then().body("items.slug", contains(inGrandchild));
        given().get("/api/v1/articles?section=" + parent + ",-" + grandchild).then().body("items.slug", contains(inParent));
    }

    @Test
    void tagFilterFollowsBooleanSyntax() {
        String a = TestContent.unique("a"), b = TestContent.unique("b"), c = TestContent.unique("c");
        content.tag(a);
        content.tag(b);
        content.tag(c);
        String onlyA = content.article().tagged(a).save().slug;
        String aAndB = content.article().tagged(a, b).save().slug;
        String bAndC = content.article().tagged(b, c).save().slug;

        given().get("/api/v1/articles?tag=" + a + "," + b).then().body("items.slug", contains(aAndB));
        given().get("/api/v1/articles?tag=" + a + "|" + c).then().body("items.slug", containsInAnyOrder(onlyA, aAndB, bAndC));
        given().get("/api/v1/articles?tag=" + b + ",-" + c).then().body("items.slug", contains(aAndB));
        given().get("/api/v1/articles?tag=" + a + "|" + b + ",-" + c).then().body("items.slug", containsInAnyOrder(onlyA, aAndB));
        given().get("/api/v1/articles?tag=no-such-tag-anywhere").then().statusCode(200).body("items", empty());
    }

    @Test
    void authorTypeAndLanguageFilter() {
        String author = TestContent.unique("writer");
        content.author(author);
        String analysis = content.article().by(author).type("analysis").save().slug;
        String spanish = content.article().by(author).language("es").headline("Crónica de un día").save().slug;
        String news = content.article().by(author).save().slug;

        given().get("/api/v1/articles?author=" + author + "&type=analysis").then().body("items.slug", contains(analysis));
        given().get("/api/v1/articles?author=" + author + "&type=-analysis").then().body("items.slug", containsInAnyOrder(spanish, news));
        given().get("/api/v1/articles?author=" + author + "&lang=es").then().body("items.slug", contains(spanish))
                .body("items[0].language", equalTo("es"));
    }

    @Test
    void idsFetchesManyByIdOrSlug() {
        var first = content.article().save();
        var second = content.article().save();

        given().get("/api/v1/articles?ids=" + first.id + "," + second.slug).then().statusCode(200)
                .body("items.slug", containsInAnyOrder(first.slug, second.slug));
        String tooMany = String.join(",", java.util.Collections.nCopies(101, "x"));
        given().get("/api/v1/articles?ids=" + tooMany).then().statusCode(400).body("errors[0].parameter", equalTo("ids"));
    }

    @Test
    void fromAndToBoundPublicationTime() {
        String section = TestContent.unique("sec");
        content.section(section, "news");
        String early = content.article().inSection(section).publishedAt(Instant.parse("2021-03-01T10:00:00Z")).save().slug;
        String middle = content.article().inSection(section).publishedAt(Instant.parse("2021-03-02T23:59:00Z")).save().slug;
        content.article().inSection(section).publishedAt(Instant.parse("2021-03-03T00:00:00Z")).save();

        given().get("/api/v1/articles?section=" + section + "&from=2021-03-01&to=2021-03-02").then()
                .body("items.slug", contains(middle, early));
        given().get("/api/v1/articles?section=" + section + "&from=2021-03-02T00:00:00Z&to=2021-03-02").then()
                .body("items.slug", contains(middle));
        given().get("/api/v1/articles?from=yesterday").then().statusCode(400).body("errors[0].parameter", equalTo("from"));
        given().get("/api/v1/articles?from=2021-03-03&to=2021-03-01").then().statusCode(400);
    }

    @Test
    void searchRanksHeadlineAboveBodyAndUnderstandsWebSyntax() {
        String word = "zqx" + TestContent.unique("w").replace("-", "");
        String inBody = content.article().headline("Ordinary headline")
                .body("[{\"type\":\"paragraph\",\"text\":\"Deep down the text mentions " + word + " once.\"}]")
                .publishedAgo(Duration.ofMinutes(10)).save().slug;
        String inHeadline = content.article().headline("The " + word + " affair").publishedAgo(Duration.ofDays(3)).save().slug;
        String excluded = content.article().headline("The " + word + " and the harbour").save().slug;

        given().get("/api/v1/articles?q=" + word + "&sort=relevance").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(excluded, inHeadline, inBody))
                .body("items[2].slug", equalTo(inBody));
        given().get("/api/v1/articles?q=" + word + " -harbour&sort=relevance").then()
                .body("items.slug", contains(inHeadline, inBody));
        given().get("/api/v1/articles?q=\"" + word + " affair\"").then().body("items.slug", contains(inHeadline));
    }

    @Test
    void spanishArticlesAreSearchableWithSpanishStemming() {
        String word = "zqx" + TestContent.unique("p").replace("-", "");
        String slug = content.article().language("es").headline("Las elecciones de " + word).save().slug;

        // "elección" and "elecciones" share the Spanish stem
        given().get("/api/v1/articles?lang=es&q=elección " + word).then().statusCode(200).body("items.slug", contains(slug));
    }

    @Test
    void relevanceWithoutQueryIsRefused() {
        given().get("/api/v1/articles?sort=relevance").then().statusCode(400)
                .body("errors[0].parameter", equalTo("sort"));
        given().get("/api/v1/articles?sort=popular").then().statusCode(400)
                .body("errors[0].detail", containsString("newest"));
    }

    @Test
    void nextLinkNamesTheQueryParametersInNameOrderWhateverOrderTheRequestHadThem() {
        String section = TestContent.unique("sec");
        sectionWithArticles(section, 3);
        String from = "2000-01-01T00:00:00Z";
        String to = "2100-01-01T00:00:00Z";

        Response reversed = given().get("/api/v1/articles?to=" + to + "&sort=newest&section=" + section + "&limit=2&from=" + from);
        String next = reversed.jsonPath().getString("next");
        reversed.then().statusCode(200).header("Link", endsWith("/api/v1/articles?from=" + encode(from) + "&limit=2&section=" + section
                + "&sort=newest&to=" + encode(to) + "&cursor=" + next + ">; rel=\"next\""));
        given().get("/api/v1/articles?limit=2&section=" + section + "&from=" + from + "&sort=newest&to=" + to).then().statusCode(200)
                .header("Link", equalTo(reversed.header("Link")));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void pagingIsStableWhileNewArticlesArePublished() {
        String section = TestContent.unique("sec");
        List<String> slugs = sectionWithArticles(section, 5);

        Response first = given().get("/api/v1/articles?section=" + section + "&limit=2");
        first.then().statusCode(200).body("items.slug", contains(slugs.get(0), slugs.get(1)))
                .header("Link", containsString("rel=\"next\""));
        String next = first.jsonPath().getString("next");
        content.article().inSection(section).save(); // published now: newer than everything listed

        Response second = given().get("/api/v1/articles?section=" + section + "&limit=2&cursor=" + next);
        second.then().body("items.slug", contains(slugs.get(2), slugs.get(3)));
        given().get("/api/v1/articles?section=" + section + "&limit=2&cursor=" + second.jsonPath().getString("next")).then()
                .body("items.slug", contains(slugs.get(4))).body("next", nullValue());
    }

    @Test
    void linkHeaderPointsAtTheNextPage() {
        String section = TestContent.unique("sec");
        List<String> slugs = sectionWithArticles(section, 3);
        String link = given().get("/api/v1/articles?section=" + section + "&limit=2").header("Link");
        String url = link.substring(1, link.indexOf('>'));

        given().urlEncodingEnabled(false).get(url.replace("http://localhost:8081", "")).then().statusCode(200)
                .body("items.slug", contains(slugs.get(2)));
    }

    @Test
    void cursorOfAnotherQueryOrForgedIsRefused() {
        String section = TestContent.unique("sec");
        sectionWithArticles(section, 3);
        String next = given().get("/api/v1/articles?section=" + section + "&limit=1").jsonPath().getString("next");

        given().get("/api/v1/articles?section=news&limit=1&cursor=" + next).then().statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        given().get("/api/v1/articles?cursor=bm90LWEtY3Vyc29y").then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        given().get("/api/v1/articles?cursor=%%%").then().statusCode(400);
    }

    @Test
    void relevancePagesWalkTheWholeResult() {
        String word = "zqx" + TestContent.unique("r").replace("-", "");
        for (int i = 0; i < 5; i++) {
            content.article().headline(word + " story " + i).publishedAgo(Duration.ofMinutes(i + 1)).save();
        }
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().get("/api/v1/articles?q=" + word + "&sort=relevance&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.slug"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(5, seen.size(), "every match once, none twice: " + seen);
        assertEquals(5, new java.util.HashSet<>(seen).size(), "no match on two pages: " + seen);
    }

    @Test
    void limitOutsideOneToHundredIsRefused() {
        for (String limit : List.of("0", "101", "-1", "ten", "")) {
            given().get("/api/v1/articles?limit=" + limit).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].parameter", equalTo("limit"));
        }
        given().get("/api/v1/articles?limit=100").then().statusCode(200).body("items", hasSize(100));
    }

    @Test
    void unknownOrRepeatedParameterIsRefusedNamingIt() {
        given().get("/api/v1/articles?status=draft").then().statusCode(400)
                .body("errors[0].parameter", equalTo("status"));
        given().get("/api/v1/articles?limit=1&limit=2").then().statusCode(400)
                .body("errors[0].parameter", equalTo("limit")).body("errors[0].detail", containsString("more than once"));
        given().get("/api/v1/articles?section=News!").then().statusCode(400).body("errors[0].parameter", equalTo("section"));
    }

    @Test
    void includeAddsBodiesAndRelatedToItems() {
        String section = TestContent.unique("sec");
        content.section(section, "news");
        String target = content.article().save().slug;
        content.article().inSection(section).relatedTo(target).save();

        given().get("/api/v1/articles?section=" + section + "&include=body,related").then().statusCode(200)
                .body("items[0].body[0].type", equalTo("paragraph"))
                .body("items[0].bodyHtml", equalTo("<p>One two three four five.</p>\n"))
                .body("items[0].related.slug", contains(target));
        given().get("/api/v1/articles?section=" + section + "&fields=slug,bodyHtml").then()
                .body("items[0].bodyHtml", notNullValue())
                .body("items[0].keySet()", containsInAnyOrder("slug", "bodyHtml"));
        given().get("/api/v1/articles?include=comments").then().statusCode(400).body("errors[0].parameter", equalTo("include"));
    }

    @Test
    void hiddenArticlesNeverAppearInListsOrSearch() {
        String word = "zqx" + TestContent.unique("h").replace("-", "");
        String section = TestContent.unique("sec");
        content.section(section, "news");
        content.article().inSection(section).headline(word).draft().save();
        content.article().inSection(section).headline(word).status("unpublished").save();
        content.article().inSection(section).headline(word).publishedAt(Instant.now().plus(Duration.ofHours(1))).save();
        String visible = content.article().inSection(section).headline(word).save().slug;

        given().get("/api/v1/articles?section=" + section).then().body("items.slug", contains(visible));
        given().get("/api/v1/articles?q=" + word).then().body("items.slug", contains(visible));
    }

    @Test
    void listResponsesAnswer304ToTheirOwnEtag() {
        String etag = given().get("/api/v1/articles?limit=3").header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/articles?limit=3").then().statusCode(304);
    }

    @Test
    void demoContentFillsListsInBothLanguagesAndManyTypes() {
        given().get("/api/v1/articles?lang=es&limit=5").then().statusCode(200).body("items", hasSize(5))
                .body("items.language", everyItem(equalTo("es")));
        given().get("/api/v1/articles?type=opinion&limit=5").then().body("items.type", everyItem(equalTo("opinion")));
        given().get("/api/v1/articles?section=news&limit=100").then().body("items.section.path[0].slug", everyItem(equalTo("news")))
                .body("items.section.slug", hasItem("russia"));
    }
}
