package org.quire.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.publicsite.NuHtmlCheckerAccess;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The profile, users, tags and settings pages: valid HTML, shown only to the roles that may use them, and each
 * form doing what the API does, with its errors in the page.
 */
@QuarkusTest
class AdminSitePagesTest extends DatabaseTest {

    private static String page(Session session, String path) {
        return session.given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    }

    private static Response form(Session session, String path, Map<String, ?> fields) {
        return session.givenWithoutCsrf().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", session.csrf())
                .formParams(fields).post(path);
    }

    @Test
    void everyPagePassesTheNuHtmlCheckerAndTheMenuFollowsTheRole() {
        Session administrator = TestAccounts.signedIn(Role.ADMINISTRATOR);
        for (String path : new String[] {"/admin/profile", "/admin/users", "/admin/tags", "/admin/settings"}) {
            assertThat(NuHtmlCheckerAccess.errors(page(administrator, path))).as("Nu HTML Checker on %s", path)
                    .isEmpty();
        }
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        assertThat(page(contributor, "/admin/")).contains("href=\"/admin/profile\"")
                .doesNotContain("href=\"/admin/users\"").doesNotContain("href=\"/admin/tags\"")
                .doesNotContain("href=\"/admin/settings\"");
        contributor.given().accept("text/html").get("/admin/users").then().statusCode(403);
        assertThat(page(TestAccounts.signedIn(Role.EDITOR), "/admin/")).contains("href=\"/admin/tags\"")
                .doesNotContain("href=\"/admin/users\"");
    }

    @Test
    void theProfileChangesNameBioAvatarAndTokens() throws Exception {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        form(author, "/admin/profile", Map.of("displayName", "Ann Lee 李安", "bio", "Writes about <b>queues</b>."))
                .then().statusCode(200);
        author.given().get("/api/admin/me/profile").then().body("displayName", equalTo("Ann Lee 李安"))
                .body("bio", equalTo("Writes about <b>queues</b>."));
        assertThat(form(author, "/admin/profile", Map.of("displayName", " ", "bio", "")).statusCode()).isEqualTo(400);

        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        // An upload form carries the CSRF token as its first field, as a browser sends it.
        author.givenWithoutCsrf().multiPart("_csrf", author.csrf()).multiPart("file", "me.png", png.toByteArray(),
                "image/png").post("/admin/profile/avatar").then().statusCode(200);
        String avatar = author.given().get("/api/admin/me/profile").then().extract().path("avatarUrl");
        assertThat(avatar).startsWith("/media/avatars/" + author.account().handle + "-").endsWith(".png");
        io.restassured.RestAssured.get(avatar).then().statusCode(200).contentType("image/png");
        author.givenWithoutCsrf().multiPart("_csrf", "forged").multiPart("file", "me.png", png.toByteArray(),
                "image/png").post("/admin/profile/avatar").then().statusCode(403);
        author.givenWithoutCsrf().multiPart("_csrf", author.csrf()).multiPart("file", "me.png", "not an image".getBytes(),
                "image/png").post("/admin/profile/avatar").then().statusCode(415);

        String created = form(author, "/admin/profile/tokens", Map.of("name", "deploy script", "role", "contributor",
                "expiresInDays", "30")).then().statusCode(200).extract().asString();
        String secret = created.replaceAll("(?s).*id=\"secret\" readonly value=\"(qt_[^\"]+)\".*", "$1");
        assertThat(secret).startsWith("qt_");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + secret).get("/api/admin/me").then()
                .statusCode(200).body("role", equalTo("contributor"));
        assertThat(form(author, "/admin/profile/tokens", Map.of("name", "too mighty", "role", "administrator"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void administratorsInviteChangeRolesAndTheLastAdministratorStays() {
        Session administrator = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String handle = "invitee-" + UUID.randomUUID().toString().substring(0, 6);
        String invited = form(administrator, "/admin/users", Map.of("handle", handle, "displayName", "In Vitee",
                "email", handle + "@example.test", "role", "author")).then().statusCode(201).extract().asString();
        assertThat(invited).contains("/admin/password-link?token=");
        assertThat(form(administrator, "/admin/users", Map.of("handle", handle, "displayName", "Again",
                "email", "other-" + handle + "@example.test", "role", "author")).asString()).contains("is taken");

        long id = administrator.given().get("/api/admin/users").then().extract().jsonPath()
                .getLong("find { it.handle == '" + handle + "' }.id");
        form(administrator, "/admin/users/" + id, Map.of("role", "editor", "active", "false")).then().statusCode(200);
        administrator.given().get("/api/admin/users").then()
                .body("find { it.handle == '" + handle + "' }.role", equalTo("editor"))
                .body("find { it.handle == '" + handle + "' }.active", equalTo(false));
    }

    @Test
    void editorsRenameAndMergeTagsAndAdministratorsChangeSettings() {
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        String tag = "Pagetag" + UUID.randomUUID().toString().substring(0, 5);
        editor.given().contentType("application/json").body(Map.of("fields", Map.of("title", "Tagged " + tag,
                "tags", java.util.List.of(tag), "body", "x\n"))).post("/api/admin/posts").then().statusCode(201);
        assertThat(page(editor, "/admin/tags")).contains(tag);
        String renamed = tag + " Renamed";
        form(editor, "/admin/tags/" + tag.toLowerCase(java.util.Locale.ROOT), Map.of("name", renamed,
                "description", "All about it")).then().statusCode(200);
        editor.given().get("/api/admin/tags").then().body("find { it.name == '" + renamed + "' }.description",
                equalTo("All about it"));

        Session administrator = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String page = form(administrator, "/admin/settings", Map.of("title", "A title", "timeZone", "Mars/Olympus"))
                .then().statusCode(400).extract().asString();
        assertThat(page).contains("Mars/Olympus");
        administrator.given().get("/api/admin/settings").then().body("timeZone", org.hamcrest.Matchers.not("Mars/Olympus"));
    }
}
