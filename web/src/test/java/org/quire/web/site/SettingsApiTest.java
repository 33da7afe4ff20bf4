package org.quire.web.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.content.Post;
import org.quire.web.content.PostService;
import org.quire.web.content.PostStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Site settings through the admin API, on a database of its own (a new permalink pattern moves every post).
 */
@QuarkusTest
@TestProfile(SettingsApiTest.OwnSite.class)
class SettingsApiTest {

    public static class OwnSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.database.url", "jdbc:h2:mem:quire-settings;DB_CLOSE_DELAY=-1");
        }
    }

    @Inject
    PostService posts;

    @Test
    void badValuesAreRefusedNamingTheField() {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        Map<String, Object> bad = Map.of("url", "ftp://example.com", "timeZone", "Mars/Olympus", "permalink",
                "/:nope/:slug/", "postsPerPage", 0, "locale", "", "title", " ");
        bad.forEach((field, value) -> admin.given().contentType("application/json").body(Map.of(field, value))
                .put("/api/admin/settings").then().statusCode(400).body("field", equalTo(field)));
        admin.given().contentType("application/json").body(Map.of("permalink", "/:nope/:slug/"))
                .put("/api/admin/settings").then().body("error", containsString("':nope'"));
        TestAccounts.signedIn(Role.EDITOR).given().get("/api/admin/settings").then().statusCode(403);
    }

    @Test
    void staffHtmlIsKeptAsWrittenOnlyWhileTheSiteTrustsIt() {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        String raw = "<iframe src=\"https://player.example.com/embed/1\"></iframe>\n\n<div onclick=\"go()\">Tap</div>\n";
        long id = ((Number) editor.given().contentType("application/json").body(Map.of("source",
                "---\ntitle: Embedded\nslug: embedded-video\n---\n" + raw)).post("/api/admin/posts").then()
                .statusCode(201).extract().path("id")).longValue();
        String path = editor.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200).extract()
                .path("path");
        admin.given().get("/api/admin/settings").then().body("trustStaffHtml", equalTo(true));
        assertThat(given().get(path).then().extract().asString()).contains("<iframe src=\"https://player.example.com")
                .contains("onclick=\"go()\"");

        // Turned off: the stored post is cleaned at once, and so are new posts and previews by editors.
        admin.given().contentType("application/json").body(Map.of("trustStaffHtml", false))
                .put("/api/admin/settings").then().statusCode(200).body("settings.trustStaffHtml", equalTo(false));
        assertThat(given().get(path).then().extract().asString()).doesNotContain("<iframe").doesNotContain("onclick")
                .contains("Tap");
        editor.given().contentType("application/json").body(Map.of("source", "---\ntitle: Later\n---\n" + raw))
                .post("/api/admin/posts/preview").then().statusCode(200)
                .body("html", org.hamcrest.Matchers.not(containsString("<iframe")));
        String imported = QuarkusTransaction.requiringNew().call(() -> posts.create("---\ntitle: Imported embed\n---\n"
                + raw, "2020-01-02-imported-embed.md", PostStatus.PUBLISHED, null).post().html);
        assertThat(imported).doesNotContain("<iframe");

        // Turned on again: what the editor wrote comes back, since the post remembers who wrote it.
        admin.given().contentType("application/json").body(Map.of("trustStaffHtml", true))
                .put("/api/admin/settings").then().statusCode(200);
        assertThat(given().get(path).then().extract().asString()).contains("<iframe src=\"https://player.example.com");
    }

    @Test
    void aNewTitleShowsAndANewPermalinkMovesEveryPostLeavingA301() {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        Post imported = QuarkusTransaction.requiringNew().call(() -> posts.create(
                "---\ntitle: A title unlike the file name\n---\nImported text.\n", "2016-05-04-original-name.md",
                PostStatus.PUBLISHED, null).post());
        assertThat(imported.path).isEqualTo("/2016/05/original-name/");
        given().get("/").then().body(containsString("A title unlike the file name"));

        admin.given().contentType("application/json").body(Map.of("title", "Renamed site"))
                .put("/api/admin/settings").then().statusCode(200).body("settings.title", equalTo("Renamed site"))
                .body("postsMoved", equalTo(0));
        given().get("/").then().body(containsString("<title>Renamed site"));

        // An edit without a slug in the front matter keeps the slug the file name gave.
        long version = QuarkusTransaction.requiringNew().call(() -> Post.<Post>findById(imported.id).version);
        admin.given().contentType("application/json").body(Map.of("source",
                        "---\ntitle: A title unlike the file name\n---\nEdited text.\n", "version", version))
                .put("/api/admin/posts/" + imported.id).then().statusCode(200).body("slug", equalTo("original-name"))
                .body("path", equalTo("/2016/05/original-name/"));

        int moved = admin.given().contentType("application/json").body(Map.of("permalink", "/notes/:year/:slug/"))
                .put("/api/admin/settings").then().statusCode(200).extract().path("postsMoved");
        assertThat(moved).isGreaterThanOrEqualTo(2); // this post and the first-run sample post
        given().get("/notes/2016/original-name/").then().statusCode(200).body(containsString("Edited text."));
        given().redirects().follow(false).get("/2016/05/original-name/").then().statusCode(301)
                .header("Location", containsString("/notes/2016/original-name/"));
        admin.given().get("/api/admin/settings").then().body("permalink", equalTo("/notes/:year/:slug/"));
    }
}
