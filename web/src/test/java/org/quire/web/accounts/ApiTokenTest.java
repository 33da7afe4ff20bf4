package org.quire.web.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Personal API tokens: created, shown once, used, scoped to a role, revoked, expired. */
@QuarkusTest
class ApiTokenTest extends DatabaseTest {

    private static String create(TestAccounts.Session session, String body) {
        return session.given().contentType("application/json").body(body).post("/api/admin/me/tokens").then()
                .statusCode(201).body("token.prefix", org.hamcrest.Matchers.startsWith("qt_"))
                .extract().path("secret");
    }

    @Test
    void aTokenActsAsItsOwnerWithoutCookieOrCsrf() {
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String secret = create(admin, "{\"name\":\"deploy script\"}");
        assertThat(secret).startsWith(ApiToken.PREFIX).hasSize(ApiToken.PREFIX.length() + 43);
        given().auth().oauth2(secret).get("/api/admin/me").then().statusCode(200)
                .body("handle", equalTo(admin.account().handle)).body("role", equalTo("administrator"))
                .body("via", equalTo("api_token")).body("csrfToken", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(secret).get("/api/admin/users").then().statusCode(200);
        given().auth().oauth2(secret).get("/api/runtime").then().statusCode(200);
        // Stored hashed; the list never shows the secret again.
        String listed = admin.given().get("/api/admin/me/tokens").then().statusCode(200).extract().asString();
        assertThat(listed).contains("deploy script").doesNotContain(secret);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiToken.count("tokenHash", secret))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("tokenHash", Secrets.hash(secret))
                .firstResult().lastUsedAt)).isNotNull();
    }

    @Test
    void aTokenMayHaveLessRightsThanItsOwnerNeverMore() {
        TestAccounts.Session editor = TestAccounts.signedIn(Role.EDITOR);
        editor.given().contentType("application/json").body("{\"name\":\"too much\",\"role\":\"administrator\"}")
                .post("/api/admin/me/tokens").then().statusCode(403).body("error", containsString("'role'"));
        editor.given().contentType("application/json").body("{\"name\":\"odd\",\"role\":\"owner\"}")
                .post("/api/admin/me/tokens").then().statusCode(400).body("error", containsString("'role'"));
        editor.given().contentType("application/json").body("{\"name\":\"\"}")
                .post("/api/admin/me/tokens").then().statusCode(400).body("error", containsString("'name'"));
        editor.given().contentType("application/json").body("{\"name\":\"long\",\"expiresInDays\":5000}")
                .post("/api/admin/me/tokens").then().statusCode(400).body("error", containsString("'expiresInDays'"));
        String contributor = create(editor, "{\"name\":\"read-mostly\",\"role\":\"contributor\",\"expiresInDays\":30}");
        given().auth().oauth2(contributor).get("/api/admin/me").then().statusCode(200)
                .body("role", equalTo("contributor"));

        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String adminToken = create(admin, "{\"name\":\"full\"}");
        // Demoting the owner lowers what the token may do with it.
        admin.given().get("/api/admin/me").then().statusCode(200);
        TestAccounts.Session otherAdmin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        otherAdmin.given().contentType("application/json").body("{\"role\":\"author\"}")
                .patch("/api/admin/users/" + admin.account().id).then().statusCode(200);
        given().auth().oauth2(adminToken).get("/api/admin/me").then().statusCode(200).body("role", equalTo("author"));
        given().auth().oauth2(adminToken).get("/api/admin/users").then().statusCode(403);
    }

    @Test
    void revokedExpiredAndUnknownTokensAreRefused() {
        TestAccounts.Session author = TestAccounts.signedIn(Role.AUTHOR);
        String secret = create(author, "{\"name\":\"temporary\",\"expiresInDays\":1}");
        long id = QuarkusTransaction.requiringNew().call(() -> ApiToken.<ApiToken>find("tokenHash", Secrets.hash(secret))
                .firstResult().id);
        given().auth().oauth2(secret).get("/api/admin/me").then().statusCode(200);

        QuarkusTransaction.requiringNew().run(() -> ApiToken.<ApiToken>findById(id).expiresAt = Instant.now().minusSeconds(1));
        given().auth().oauth2(secret).get("/api/admin/me").then().statusCode(401);
        QuarkusTransaction.requiringNew().run(() -> ApiToken.<ApiToken>findById(id).expiresAt = null);
        given().auth().oauth2(secret).get("/api/admin/me").then().statusCode(200);

        // Someone else cannot revoke it, and learns nothing from trying.
        TestAccounts.Session other = TestAccounts.signedIn(Role.ADMINISTRATOR);
        other.given().delete("/api/admin/me/tokens/" + id).then().statusCode(404);
        given().auth().oauth2(secret).get("/api/admin/me").then().statusCode(200);

        author.given().delete("/api/admin/me/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(secret).get("/api/admin/me").then().statusCode(401);
        List<String> revoked = author.given().get("/api/admin/me/tokens").then().extract().path("revokedAt");
        assertThat(revoked).doesNotContainNull();

        given().auth().oauth2(ApiToken.PREFIX + "made-up").get("/api/admin/me").then().statusCode(401);
        given().auth().oauth2("not-a-quire-token").get("/api/admin/me").then().statusCode(401);
    }
}
