package dispatch.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.ApiTest;
import dispatch.support.Newsroom;
import dispatch.support.TestContent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TokenTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI baseUri;

    /**
     * A login from an address of its own (a benchmarking range): the failures these tests make count
     * against their accounts, and never add up against the one address every other test logs in from.
     */
    private static io.restassured.response.Response login(String username, String password) {
        String address = "198.18." + java.util.concurrent.ThreadLocalRandom.current().nextInt(256) + "."
                + java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 255);
        return given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/token");
    }

    @Test
    void validCredentialsGiveABearerToken() {
        login("admin", "test-admin-password").then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .body("access_token", notNullValue())
                .header("Cache-Control", equalTo("private, no-store"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String wrongPassword = login("admin", "not-the-password").then().statusCode(401).extract().path("detail");
        String unknownUser = login(TestContent.unique("ghost"), "not-the-password").then().statusCode(401).extract().path("detail");
        assertEquals(wrongPassword, unknownUser);
        login("", "").then().statusCode(400);
    }

    @Test
    void repeatedFailuresForOneAccountAreThrottled() {
        String username = TestContent.unique("target");
        Newsroom.newAccount(username, "writer");
        for (int i = 0; i < 5; i++) {
            login(username, "guess-" + i).then().statusCode(401);
        }
        login(username, Newsroom.PASSWORD).then().statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo("TOO_MANY_REQUESTS"));
    }

    @Test
    void parallelGuessesForOneAccountAreCheckedNoMoreOftenThanTheLimit() throws Exception {
        String username = TestContent.unique("raced");
        Newsroom.newAccount(username, "writer");
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // 40 wrong guesses at once, from four addresses (a right one among them would, once checked, rightly
            // clear the account's failures and make the count depend on the order the server took them in)
            String body = "{\"username\":\"" + username + "\",\"password\":\"guess-" + i + "\"}";
            answers.add(client.sendAsync(HttpRequest.newBuilder(baseUri.resolve("/api/v1/auth/token"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100." + (i % 4 + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()));
        }
        Map<Integer, Long> statuses = answers.stream().map(a -> a.join().statusCode())
                .collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting()));
        long checked = statuses.getOrDefault(401, 0L);
        assertTrue(checked <= 5, "passwords checked, of 40 parallel guesses with a limit of 5: " + statuses);
        assertEquals(40 - checked, statuses.getOrDefault(429, 0L), "the others are refused unchecked: " + statuses);
        // and the right password, as the next guess, is refused unchecked too
        login(username, Newsroom.PASSWORD).then().statusCode(429);
    }

    @Test
    void failuresRecordedByAnotherInstanceThrottleThisOne() throws Exception {
        String username = TestContent.unique("target");
        Newsroom.newAccount(username, "writer");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into login_failure (key, failed_at) select ?, now() - interval '14 minutes' from generate_series(1, 5)")) {
            insert.setString(1, "user:" + username);
            insert.executeUpdate();
        }
        long retryAfter = Long.parseLong(login(username, Newsroom.PASSWORD).then().statusCode(429).extract().header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 60, "free again when the oldest failure leaves the 15-minute window: " + retryAfter);
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        String username = TestContent.unique("forgetful");
        Newsroom.newAccount(username, "writer");
        for (int i = 0; i < 4; i++) {
            login(username, "guess-" + i).then().statusCode(401);
        }
        login(username, Newsroom.PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(username, "guess-again-" + i).then().statusCode(401);
        }
        login(username, Newsroom.PASSWORD).then().statusCode(200);
    }

    @Test
    void oneAddressGuessingManyAccountsIsThrottled() {
        String username = TestContent.unique("bystander");
        Newsroom.newAccount(username, "writer");
        String address = "203.0.113.77";
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", address).contentType("application/json")
                    .body(Map.of("username", TestContent.unique("sprayed"), "password", "guess")).post("/api/v1/auth/token")
                    .then().statusCode(401);
        }
        given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("username", username, "password", Newsroom.PASSWORD)).post("/api/v1/auth/token")
                .then().statusCode(429).header("Retry-After", notNullValue());
        login(username, Newsroom.PASSWORD).then().statusCode(200);
    }

    @Test
    void forgedExpiredAndForeignTokensAreAllRefusedAlike() throws Exception {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"dispatch\",\"aud\":\"dispatch-editorial\",\"sub\":\"00000000-0000-0000-0000-000000000000\","
                + "\"upn\":\"admin\",\"groups\":[\"admin\"],\"exp\":4102444800}");
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var foreignKey = generator.generateKeyPair().getPrivate();
        String userId = given().auth().oauth2(Newsroom.adminToken()).get("/api/v1/admin/users?limit=200").jsonPath()
                .getString("items.find { it.username == 'admin' }.id");
        String[] tokens = {
            header + "." + payload + ".",
            Jwt.issuer("dispatch").audience("dispatch-editorial").subject(userId).groups(Set.of("admin")).expiresIn(600).sign(foreignKey),
            Jwt.issuer("someone-else").audience("dispatch-editorial").subject(userId).groups(Set.of("admin")).expiresIn(600).sign(),
            Jwt.issuer("dispatch").audience("another-api").subject(userId).groups(Set.of("admin")).expiresIn(600).sign(),
            Jwt.issuer("dispatch").audience("dispatch-editorial").subject(userId).groups(Set.of("admin"))
                    .issuedAt(1_000_000_000L).expiresAt(1_000_000_600L).sign(),
            "not.a.token",
        };
        for (String token : tokens) {
            given().auth().oauth2(token).get("/api/v1/admin/users").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        }
        // the same claims, properly signed, work: the refusals above are about the token, not the user
        given().auth().oauth2(Jwt.issuer("dispatch").audience("dispatch-editorial").subject(userId).claim("ver", 0).expiresIn(600).sign())
                .get("/api/v1/admin/users").then().statusCode(200);
        // and without the generation of the account's tokens, or with a later one, they do not
        given().auth().oauth2(Jwt.issuer("dispatch").audience("dispatch-editorial").subject(userId).expiresIn(600).sign())
                .get("/api/v1/admin/users").then().statusCode(401);
        given().auth().oauth2(Jwt.issuer("dispatch").audience("dispatch-editorial").subject(userId).claim("ver", 7).expiresIn(600).sign())
                .get("/api/v1/admin/users").then().statusCode(401);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
