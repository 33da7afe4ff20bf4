package org.quire.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.publicsite.NuHtmlCheckerAccess;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The admin pages over HTTP, as a browser without JavaScript uses them: each page valid HTML, only the buttons the
 * role may use, every form doing what the API does (the same rules), conflicts shown with both texts, and bad
 * input answered in the page with what was typed still there.
 */
@QuarkusTest
class AdminPagesTest extends DatabaseTest {

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long createDraft(Session session, String title, String body) {
        return ((Number) session.given().contentType("application/json")
                .body(Map.of("fields", Map.of("title", title, "body", body))).post("/api/admin/posts").then()
                .statusCode(201).extract().path("id")).longValue();
    }

    private static long version(Session session, long id) {
        return ((Number) session.given().get("/api/admin/posts/" + id).then().extract().path("version")).longValue();
    }

    private static String page(Session session, String path) {
        return session.given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    }

    private static Response form(Session session, String path, Map<String, ?> fields) {
        return session.givenWithoutCsrf().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", session.csrf()).formParams(fields).post(path);
    }

    private static void assertValid(String html, String what) {
        assertThat(NuHtmlCheckerAccess.errors(html)).as("Nu HTML Checker on %s", what).isEmpty();
    }

    @Test
    void everyPagePassesTheNuHtmlChecker() {
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        long id = createDraft(author, unique("Checked page"), "First line.\n\n## A heading\n\n<b>bold</b>\n");
        author.given().contentType("application/json").body(Map.of("fields", Map.of("title", "Checked page v2",
                "body", "Second line.\n"), "version", version(author, id))).put("/api/admin/posts/" + id).then()
                .statusCode(200);
        author.given().post("/api/admin/posts/" + id + "/submit").then().statusCode(200);

        for (String path : new String[] {"/admin/", "/admin/posts", "/admin/posts?status=in_review&q=checked",
                "/admin/posts/new", "/admin/posts/" + id + "/edit", "/admin/review", "/admin/posts/" + id + "/review",
                "/admin/posts/" + id + "/revisions", "/admin/posts/" + id + "/revisions?from=1&to=2"}) {
            assertValid(page(editor, path), path);
        }
        assertValid(page(author, "/admin/"), "the author's dashboard");
        String stale = form(author, "/admin/posts/" + id, Map.of("title", "Never saved", "body", "x", "version", 1,
                "action", "save")).then().extract().asString();
        assertValid(stale, "the editor refusing a change to a post in review");
    }

    @Test
    void theAdminSpeaksChineseToABrowserThatPrefersIt() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        long id = createDraft(author, unique("双语"), "正文。\n");
        for (String path : new String[] {"/admin/", "/admin/posts", "/admin/posts/" + id + "/edit",
                "/admin/posts/" + id + "/revisions", "/admin/profile"}) {
            String html = author.given().accept("text/html").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                    .get(path).then().statusCode(200).extract().asString();
            assertThat(html).as(path).contains("<html lang=\"zh\">").contains("仪表盘").doesNotContain("Dashboard");
            assertValid(html, path + " in Chinese");
        }
        assertThat(author.given().accept("text/html").header("Accept-Language", "en-GB,zh;q=0.5")
                .get("/admin/").then().extract().asString()).contains("Dashboard");
        assertThat(io.restassured.RestAssured.given().header("Accept-Language", "zh-TW").get("/admin/sign-in").then()
                .statusCode(200).extract().asString()).contains("登录");
    }

    @Test
    void aContributorSeesNoPublishButtonAndThePageRefusesToPublish() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        String title = unique("Contributed");
        long id = createDraft(contributor, title, "Words.\n");
        String editor = page(contributor, "/admin/posts/" + id + "/edit");
        assertThat(editor).contains("id=\"submit-review\"").doesNotContain("id=\"publish\"")
                .doesNotContain("id=\"schedule\"").doesNotContain("Upload image");

        Response refused = form(contributor, "/admin/posts/" + id, Map.of("title", title, "body", "Words, changed.\n",
                "version", version(contributor, id), "action", "publish"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.asString()).contains("may publish")
                .as("the text sent is kept, and the page says so").contains("Your text is saved, but the post was not published.");
        contributor.given().get("/api/admin/posts/" + id).then().body("status", org.hamcrest.Matchers.equalTo("draft"))
                .body("source", containsString("Words, changed."));
        assertThat(page(contributor, "/admin/")).doesNotContain("href=\"/admin/review\"");
    }

    @Test
    void reviewThroughTheFormsWithTheCommentShownToTheWriter() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        String title = unique("Reviewed");
        long id = createDraft(contributor, title, "Draft one.\n");
        form(contributor, "/admin/posts/" + id, Map.of("title", title, "body", "Draft one.\n", "version",
                version(contributor, id), "action", "submit")).then().statusCode(303);
        assertThat(page(editor, "/admin/review")).contains(title);
        // While in review, the writer cannot change it: the editor is read-only and says why.
        assertThat(page(contributor, "/admin/posts/" + id + "/edit")).contains("is in review")
                .doesNotContain("id=\"save\"");

        form(editor, "/admin/posts/" + id + "/review", Map.of("decision", "send-back", "comment", ""))
                .then().statusCode(400).body(containsString("Say what should change"));
        form(editor, "/admin/posts/" + id + "/review", Map.of("decision", "send-back",
                "comment", "Name the region <em>you</em> tested in.")).then().statusCode(303);
        String sentBack = page(contributor, "/admin/posts/" + id + "/edit");
        assertThat(sentBack).contains("Sent back by").contains("Name the region &lt;em&gt;you&lt;/em&gt; tested in.");

        form(contributor, "/admin/posts/" + id, Map.of("title", title, "body", "Tested in eu-west-1.\n", "version",
                version(contributor, id), "action", "submit")).then().statusCode(303);
        form(editor, "/admin/posts/" + id + "/review", Map.of("decision", "approve", "publishAt", "2099-01-31T09:00"))
                .then().statusCode(303);
        editor.given().get("/api/admin/posts/" + id).then().body("status", org.hamcrest.Matchers.equalTo("scheduled"));
        assertThat(page(editor, "/admin/")).contains(title);
    }

    @Test
    void aStaleSaveShowsBothVersionsAndTheMergeIsSaved() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        String title = unique("Contested");
        long id = createDraft(author, title, "Original text.\n");
        long opened = version(author, id);
        editor.given().contentType("application/json").body(Map.of("fields", Map.of("title", title,
                "body", "The editor's text.\n"), "version", opened)).put("/api/admin/posts/" + id).then().statusCode(200);

        Response conflict = form(author, "/admin/posts/" + id, Map.of("title", title, "body", "The author's text.\n",
                "version", opened, "action", "save"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        String html = conflict.asString();
        assertThat(html).contains("The editor&#39;s text.").contains("The author&#39;s text.")
                .contains("Your text was not saved");
        assertValid(html, "the conflict page");

        String merged = "---\ntitle: " + title + "\n---\nThe editor's text.\nThe author's text.\n";
        form(author, "/admin/posts/" + id + "/merge", Map.of("source", merged, "version", opened)).then()
                .statusCode(409);
        form(author, "/admin/posts/" + id + "/merge", Map.of("source", merged, "version", version(author, id)))
                .then().statusCode(303);
        author.given().get("/api/admin/posts/" + id).then()
                .body("source", containsString("The editor's text.\nThe author's text."));
    }

    @Test
    void badFrontMatterIsAnsweredInTheFormWithTheTextKept() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = unique("Careful");
        long id = createDraft(author, title, "Kept.\n");
        Response bad = form(author, "/admin/posts/" + id, Map.of("title", title, "body", "Typed but not saved.\n",
                "frontMatter", "layout: post\nbroken: [unclosed\n", "version", version(author, id), "action", "save"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("Other front matter, line").contains("Typed but not saved.");
        author.given().get("/api/admin/posts/" + id).then().body("source", containsString("Kept."));
    }

    @Test
    void newPostsRevisionsAndRestore() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = unique("Fresh");
        Response created = form(author, "/admin/posts", Map.of("title", title, "body", "One.\n", "tags",
                "Cloud, 云计算", "action", "save"));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.header("Location");
        long id = Long.parseLong(location.replaceAll(".*/posts/(\\d+)/edit.*", "$1"));
        form(author, "/admin/posts/" + id, Map.of("title", title, "body", "Two.\n", "tags", "Cloud, 云计算",
                "version", version(author, id), "action", "publish")).then().statusCode(303);
        String path = author.given().get("/api/admin/posts/" + id).then().extract().path("path");
        io.restassured.RestAssured.get(path).then().statusCode(200).body(containsString("Two."));

        String revisions = page(author, "/admin/posts/" + id + "/revisions?from=1&to=2");
        assertThat(revisions).contains("diff-removed").contains("diff-added").contains("One.").contains("Two.");
        form(author, "/admin/posts/" + id + "/revisions/1/restore", Map.of("version", version(author, id)))
                .then().statusCode(303);
        author.given().get("/api/admin/posts/" + id).then().body("source", containsString("One."))
                .body("tags", org.hamcrest.Matchers.hasItems("Cloud", "云计算"));
        io.restassured.RestAssured.get(path).then().statusCode(200).body(containsString("One."))
                .body(not(containsString("Two.")));
    }

    @Test
    void aLongPostSavedThroughTheFormIsKeptWhole() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = unique("Long");
        long id = createDraft(author, title, "Short.\n");
        String body = "Lorem ipsum dolor sit amet, 云计算 consectetur.\n\n".repeat(40_000) + "The last line.\n";
        form(author, "/admin/posts/" + id, Map.of("title", title, "body", body, "version", version(author, id),
                "action", "save")).then().statusCode(303);
        String saved = author.given().get("/api/admin/posts/" + id).then().extract().path("source");
        assertThat(saved).endsWith("The last line.\n").hasSizeGreaterThan(body.length());
    }

    @Test
    void anAutosaveComesBackIntoTheEditor() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = unique("Autosaved");
        long id = createDraft(author, title, "Saved words.\n");
        author.given().contentType("application/json").body(Map.of("fields", Map.of("title", title,
                "body", "Words typed, then the tab closed.\n"), "version", version(author, id)))
                .put("/api/admin/posts/" + id + "/autosave").then().statusCode(200);
        assertThat(page(author, "/admin/posts/" + id + "/edit")).contains("Words typed, then the tab closed.")
                .contains("unsaved changes");
        author.given().get("/api/admin/posts/" + id).then().body("source", containsString("Saved words."));
    }

    @Test
    void bulkActionsReportEachPost() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        Session other = TestAccounts.signedIn(Role.AUTHOR);
        String mine = unique("Bulk mine");
        long first = createDraft(author, mine, "a\n");
        long theirs = createDraft(other, unique("Bulk theirs"), "b\n");
        String result = author.givenWithoutCsrf().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", author.csrf()).formParam("action", "publish").formParam("id", first)
                .formParam("id", theirs).post("/admin/posts/bulk").then().statusCode(200).extract().asString();
        assertThat(result).contains("Published: " + mine).contains("There is no post " + theirs);
        other.given().get("/api/admin/posts/" + theirs).then().body("status", org.hamcrest.Matchers.equalTo("draft"));
    }

    @Test
    void anotherWritersPostStaysHiddenEvenThroughAFailingForm() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        String title = unique("Private draft");
        long id = createDraft(author, title, "Mine.\n");
        for (String action : new String[] {"save", "delete", "publish"}) {
            Response answer = form(contributor, "/admin/posts/" + id, Map.of("title", "", "body", "x", "version", 0,
                    "action", action));
            assertThat(answer.statusCode()).as(action).isEqualTo(404);
            assertThat(answer.asString()).as(action).doesNotContain(title).doesNotContain("Revisions");
        }
        String page = contributor.given().accept("text/html").get("/admin/posts/" + id + "/edit").then()
                .statusCode(404).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("There is no post " + id).doesNotContain(title);
        assertValid(page, "the admin's not-found page");
        author.given().get("/api/admin/posts/" + id).then().body("source", containsString("Mine."));
    }

    @Test
    void anUntouchedFileIsNotRewrittenAndSeveralCategoriesAreKept() {
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        String title = unique("Imported");
        String source = "---\ntitle: " + title + "\ncategories: [travel, asia]\n# a comment Jekyll users keep\n"
                + "last_modified_at: 2024-05-01 10:00:00 +0800\n---\nBody.\n";
        long id = ((Number) editor.given().contentType("text/markdown").body(source).post("/api/admin/posts").then()
                .statusCode(201).extract().path("id")).longValue();
        long version = version(editor, id);
        String page = page(editor, "/admin/posts/" + id + "/edit");
        String frontMatter = page.replaceAll("(?s).*<textarea id=\"front-matter\"[^>]*>(.*?)</textarea>.*", "$1")
                .replace("&#39;", "'").replace("&quot;", "\"");
        assertThat(frontMatter).contains("categories:").contains("asia").contains("2024-05-01 10:00:00 +0800");
        // Pressing Save with nothing changed keeps the file byte for byte (comment included) and makes no revision.
        form(editor, "/admin/posts/" + id, Map.of("title", title, "body", "Body.\n", "frontMatter", frontMatter,
                "version", version, "action", "save")).then().statusCode(303);
        editor.given().get("/api/admin/posts/" + id).then().body("source", org.hamcrest.Matchers.equalTo(source))
                .body("version", org.hamcrest.Matchers.equalTo((int) version));
        // A real change keeps both categories and the date as written.
        form(editor, "/admin/posts/" + id, Map.of("title", title, "body", "Body, changed.\n", "frontMatter",
                frontMatter, "version", version, "action", "save")).then().statusCode(303);
        String saved = editor.given().get("/api/admin/posts/" + id).then().extract().path("source");
        assertThat(saved).contains("asia").contains("travel").contains("2024-05-01 10:00:00 +0800")
                .contains("Body, changed.");
    }

    @Test
    void anAutosaveIsNotPutIntoAnEditorThatCannotSave() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        String title = unique("Submitted");
        long id = createDraft(contributor, title, "As submitted.\n");
        contributor.given().contentType("application/json").body(Map.of("fields", Map.of("title", title,
                "body", "Typed later.\n"), "version", version(contributor, id))).put("/api/admin/posts/" + id
                + "/autosave").then().statusCode(200);
        contributor.given().post("/api/admin/posts/" + id + "/submit").then().statusCode(200);
        assertThat(page(contributor, "/admin/posts/" + id + "/edit")).contains("As submitted.")
                .doesNotContain("Typed later.");
    }

    @Test
    void anAutosaveWithBadFrontMatterIsRefusedWithItsLine() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = unique("Autosave check");
        long id = createDraft(author, title, "Text.\n");
        author.given().contentType("application/json").body(Map.of("fields", Map.of("title", title, "body", "x"),
                "frontMatter", "layout: post\nsummary: Day 1: arrival\n", "version", version(author, id)))
                .put("/api/admin/posts/" + id + "/autosave").then().statusCode(400)
                .body("error", containsString("Other front matter, line 2"));
    }
}
