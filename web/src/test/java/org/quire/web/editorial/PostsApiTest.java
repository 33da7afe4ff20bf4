package org.quire.web.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The editorial API for posts: each role on its own and others' posts, conflicts, revisions, preview, the bin. */
@QuarkusTest
class PostsApiTest extends DatabaseTest {

    private static String markdown(String title, String body) {
        return "---\ntitle: \"" + title + "\"\nslug: " + UUID.randomUUID() + "\ntags: [Notes]\n---\n" + body + "\n";
    }

    private static ValidatableResponse create(Session session, String source) {
        return session.given().contentType("application/json").body(java.util.Map.of("source", source))
                .post("/api/admin/posts").then();
    }

    private static long createdId(Session session, String title) {
        return ((Number) create(session, markdown(title, "First text.")).statusCode(201).extract().path("id")).longValue();
    }

    private static ValidatableResponse save(Session session, long id, String source, long version) {
        return session.given().contentType("application/json")
                .body(java.util.Map.of("source", source, "version", version)).put("/api/admin/posts/" + id).then();
    }

    private static long version(Session session, long id) {
        return ((Number) session.given().get("/api/admin/posts/" + id).then().statusCode(200).extract().path("version"))
                .longValue();
    }

    @Test
    void aContributorWritesOwnDraftsButNeitherPublishesNorSeesOthers() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        Session other = TestAccounts.signedIn(Role.CONTRIBUTOR);
        long id = createdId(contributor, "Contributor draft");
        contributor.given().get("/api/admin/posts/" + id).then().statusCode(200)
                .body("status", equalTo("draft")).body("authors", hasItem(contributor.account().handle))
                .body("tags", hasItem("Notes")).body("revision", equalTo(1));
        save(contributor, id, markdown("Contributor draft, better", "Second text."), version(contributor, id))
                .statusCode(200).body("title", equalTo("Contributor draft, better")).body("revision", equalTo(2));
        contributor.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(403);
        // Someone else's draft does not exist for them.
        other.given().get("/api/admin/posts/" + id).then().statusCode(404);
        save(other, id, markdown("Hijack", "x"), 0).statusCode(404);
        other.given().get("/api/admin/posts").then().statusCode(200).body("posts.id", not(hasItem((int) id)));
        contributor.given().get("/api/admin/posts?q=better").then().statusCode(200)
                .body("posts.id", hasItem((int) id)).body("total", equalTo(1));
    }

    @Test
    void anAuthorPublishesOwnPostsAndAnEditorAnyone() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        long own = createdId(author, "Author's own");
        author.given().post("/api/admin/posts/" + own + "/publish").then().statusCode(200)
                .body("status", equalTo("published"));
        io.restassured.RestAssured.given().get((String) author.given().get("/api/admin/posts/" + own).then()
                .extract().path("path")).then().statusCode(200).body(containsString("Author&#39;s own"));

        long contributed = createdId(contributor, "Needs an editor");
        author.given().post("/api/admin/posts/" + contributed + "/publish").then().statusCode(404);
        editor.given().get("/api/admin/posts?author=" + contributor.account().handle).then().statusCode(200)
                .body("posts.id", hasItem((int) contributed));
        editor.given().post("/api/admin/posts/" + contributed + "/publish").then().statusCode(200);
        // Published, it changes only through someone who may publish it.
        save(contributor, contributed, markdown("Changed after publishing", "x"), version(contributor, contributed))
                .statusCode(403).body("error", containsString("only someone who may publish"));
        editor.given().post("/api/admin/posts/" + contributed + "/unpublish").then().statusCode(200)
                .body("status", equalTo("unpublished"));
    }

    @Test
    void twoEditorsOfOneVersionTheSecondGets409WithBothTextsAndNothingIsLost() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        long id = createdId(author, "Shared");
        long start = version(author, id);
        String mine = markdown("Shared", "The author's change.");
        String theirs = markdown("Shared", "The editor's change.");
        save(editor, id, theirs, start).statusCode(200);
        ValidatableResponse conflict = save(author, id, mine, start).statusCode(409);
        conflict.body("yours", equalTo(mine)).body("theirs", equalTo(theirs))
                .body("currentVersion", equalTo((int) version(author, id)));
        // Both are kept: the editor's is current, and the author saves again from it.
        save(author, id, mine, version(author, id)).statusCode(200).body("source", equalTo(mine));
        List<Integer> numbers = author.given().get("/api/admin/posts/" + id + "/revisions").then().statusCode(200)
                .extract().path("number");
        assertThat(numbers).containsExactly(3, 2, 1);
        assertThat((String) author.given().get("/api/admin/posts/" + id + "/revisions/2").then().extract().path("source"))
                .isEqualTo(theirs);
        // Either text can be made current again.
        author.given().contentType("application/json").body(java.util.Map.of("version", version(author, id)))
                .post("/api/admin/posts/" + id + "/revisions/2/restore").then().statusCode(200)
                .body("source", equalTo(theirs));
        author.given().contentType("application/json").body(java.util.Map.of("version", version(author, id)))
                .post("/api/admin/posts/" + id + "/revisions/3/restore").then().statusCode(200)
                .body("source", equalTo(mine));
        save(author, id, mine, 0).statusCode(409);
        save(author, id, mine, -1).statusCode(409);
        author.given().contentType("application/json").body("{\"source\":\"x\"}").put("/api/admin/posts/" + id)
                .then().statusCode(400).body("field", equalTo("version"));
    }

    @Test
    void revisionsDiffAndRestoreRoundTrip() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        long id = createdId(author, "Diffed");
        String first = author.given().get("/api/admin/posts/" + id).then().extract().path("source");
        String second = first.replace("First text.", "First text.\nA new line.");
        save(author, id, second, version(author, id)).statusCode(200);
        author.given().get("/api/admin/posts/" + id + "/diff?from=1&to=2").then().statusCode(200)
                .body("unified", containsString("\n+A new line.\n")).body("unified", containsString(" First text.\n"));
        author.given().contentType("application/json").body(java.util.Map.of("version", version(author, id)))
                .post("/api/admin/posts/" + id + "/revisions/1/restore").then().statusCode(200)
                .body("source", equalTo(first)).body("revision", equalTo(3));
        author.given().get("/api/admin/posts/" + id + "/diff?from=2&to=3").then().statusCode(200)
                .body("unified", containsString("\n-A new line.\n"));
        author.given().get("/api/admin/posts/" + id + "/revisions/9").then().statusCode(404).body("field", equalTo("revision"));
    }

    @Test
    void aPostIsOneMarkdownFileInAndOut() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String source = markdown("From a file", "Written elsewhere.\n\n## A heading");
        long id = ((Number) author.given().contentType("text/markdown").body(source).post("/api/admin/posts").then()
                .statusCode(201).extract().path("id")).longValue();
        io.restassured.response.Response file = author.given().get("/api/admin/posts/" + id + "/source");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("text/markdown");
        assertThat(file.asString()).isEqualTo(source);
        String etag = file.header("ETag");
        String edited = source.replace("Written elsewhere.", "Edited in a text editor.");
        author.given().contentType("text/markdown").header("If-Match", etag).body(edited)
                .put("/api/admin/posts/" + id + "/source").then().statusCode(200).body("source", equalTo(edited));
        author.given().contentType("text/markdown").header("If-Match", etag).body(source)
                .put("/api/admin/posts/" + id + "/source").then().statusCode(409).body("theirs", equalTo(edited));
        author.given().contentType("text/markdown").body(source).put("/api/admin/posts/" + id + "/source").then()
                .statusCode(400).body("field", equalTo("If-Match"));
    }

    @Test
    void previewRendersWithTheSitesEngineAndPluginsAndStoresNothing() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        String source = "---\ntitle: Preview only\ntags: [AWS]\n---\n## Amazon EKS\n\nText.\n\n<script>alert(1)</script>\n";
        contributor.given().contentType("application/json").body(java.util.Map.of("source", source))
                .post("/api/admin/posts/preview").then().statusCode(200)
                .body("html", containsString("aws-card aws-service-eks"))
                .body("html", not(containsString("<script")))
                .body("toc[0].text", equalTo("Amazon EKS"));
        contributor.given().get("/api/admin/posts?q=Preview only").then().body("total", equalTo(0));
        contributor.given().contentType("application/json").body("{}").post("/api/admin/posts/preview").then()
                .statusCode(400).body("field", equalTo("source"));
    }

    @Test
    void deletingMovesToTheBinAndRestoringBringsItBack() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        long id = createdId(author, "Binned");
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        String path = author.given().get("/api/admin/posts/" + id).then().extract().path("path");
        author.given().delete("/api/admin/posts/" + id).then().statusCode(204);
        io.restassured.RestAssured.given().get(path).then().statusCode(404);
        author.given().get("/api/admin/posts").then().body("posts.id", not(hasItem((int) id)));
        author.given().get("/api/admin/posts?deleted=true").then().body("posts.id", hasItem((int) id));
        author.given().post("/api/admin/posts/" + id + "/restore").then().statusCode(200)
                .body("status", equalTo("published"));
        io.restassured.RestAssured.given().get(path).then().statusCode(200);
        author.given().post("/api/admin/posts/" + id + "/restore").then().statusCode(404);
        assertThat(author.given().get("/api/admin/posts/" + id + "/history").then().extract()
                .<List<String>>path("kind")).containsExactly("published", "deleted", "restored");
    }

    @Test
    void autosaveKeepsTheLatestTextWithoutAddingRevisions() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        long id = createdId(author, "Typed slowly");
        long version = version(author, id);
        String source = author.given().get("/api/admin/posts/" + id).then().extract().path("source");
        author.given().get("/api/admin/posts/" + id + "/autosave").then().statusCode(404);
        for (int keystroke = 1; keystroke <= 25; keystroke++) {
            author.given().contentType("application/json")
                    .body(java.util.Map.of("source", source + "typing " + keystroke, "version", version))
                    .put("/api/admin/posts/" + id + "/autosave").then().statusCode(200);
        }
        author.given().get("/api/admin/posts/" + id + "/autosave").then().statusCode(200)
                .body("source", equalTo(source + "typing 25")).body("baseVersion", equalTo((int) version));
        author.given().get("/api/admin/posts/" + id + "/revisions").then().body("size()", equalTo(1));
        // Someone else's autosave is their own.
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        editor.given().get("/api/admin/posts/" + id + "/autosave").then().statusCode(404);
        // A real save makes one revision and clears the autosave.
        save(author, id, source + "typing 25", version).statusCode(200).body("revision", equalTo(2));
        author.given().get("/api/admin/posts/" + id + "/autosave").then().statusCode(404);
    }

    @Test
    void aChangedSlugOfAPublishedPostLeavesA301() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String oldSlug = "old-" + UUID.randomUUID();
        String source = "---\ntitle: Renamed\nslug: " + oldSlug + "\n---\nText.\n";
        long id = ((Number) create(author, source).statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        String oldPath = author.given().get("/api/admin/posts/" + id).then().extract().path("path");
        String newPath = save(author, id, source.replace(oldSlug, "new-" + oldSlug), version(author, id))
                .statusCode(200).extract().path("path");
        assertThat(newPath).isNotEqualTo(oldPath).contains("new-" + oldSlug);
        io.restassured.RestAssured.given().redirects().follow(false).get(oldPath).then().statusCode(301)
                .header("Location", containsString(newPath));
    }

    @Test
    void aPostCanBeWrittenAndReadAsJsonFields() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String slug = "fields-" + UUID.randomUUID();
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("title", "Written as fields: 字段");
        fields.put("slug", slug);
        fields.put("date", "2024-05-01 09:30:00 +0800");
        fields.put("category", "notes");
        fields.put("tags", List.of("AWS", "云计算"));
        fields.put("description", "Fields, not a file");
        fields.put("extra", java.util.Map.of("series", "re:Invent"));
        fields.put("body", "## Part one\n\nText.\n");
        long id = ((Number) author.given().contentType("application/json").body(java.util.Map.of("fields", fields))
                .post("/api/admin/posts").then().statusCode(201)
                .body("title", equalTo("Written as fields: 字段")).body("slug", equalTo(slug))
                .body("tags", hasItem("云计算")).body("category", equalTo("notes"))
                .body("path", equalTo("/2024/05/" + slug + "/"))
                .body("fields.extra.series", equalTo("re:Invent")).body("fields.body", equalTo("## Part one\n\nText.\n"))
                .body("source", containsString("\nseries: re:Invent\n"))
                .extract().path("id")).longValue();
        fields.put("title", "Renamed through fields");
        author.given().contentType("application/json")
                .body(java.util.Map.of("fields", fields, "version", version(author, id)))
                .put("/api/admin/posts/" + id).then().statusCode(200).body("title", equalTo("Renamed through fields"))
                .body("fields.date", equalTo("2024-05-01 09:30:00 +0800")).body("revision", equalTo(2));
        fields.put("extra", java.util.Map.of("tags", "sneaky"));
        author.given().contentType("application/json")
                .body(java.util.Map.of("fields", fields, "version", version(author, id)))
                .put("/api/admin/posts/" + id).then().statusCode(400).body("field", equalTo("fields.extra.tags"));
    }

    @Test
    void whatAContributorMayNotDoWithPostsOnTheSiteOrInReview() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        long id = createdId(contributor, "Under review");
        contributor.given().post("/api/admin/posts/" + id + "/submit").then().statusCode(200);
        // In review, what the reviewer approves is what was submitted.
        save(contributor, id, markdown("Under review", "Changed behind the reviewer's back."), version(contributor, id))
                .statusCode(403).body("error", containsString("in review"));
        editor.given().contentType("application/json").body("{}").post("/api/admin/posts/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("published"));
        editor.given().delete("/api/admin/posts/" + id).then().statusCode(204);
        // Binned by an editor, a published post does not come back through its contributor.
        contributor.given().post("/api/admin/posts/" + id + "/restore").then().statusCode(403);
        editor.given().post("/api/admin/posts/" + id + "/restore").then().statusCode(200);
    }

    @Test
    void writersNameOnlyKnownCoAuthorsAndStayAmongThem() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        Session coAuthor = TestAccounts.signedIn(Role.AUTHOR);
        String me = contributor.account().handle;
        create(contributor, "---\ntitle: Invented\nauthors: [" + me + ", nobody-" + UUID.randomUUID()
                + "]\n---\nx\n").statusCode(400).body("field", equalTo("authors"))
                .body("error", containsString("only editors may name new authors"));
        create(contributor, "---\ntitle: Handed over\nauthors: [" + coAuthor.account().handle + "]\n---\nx\n")
                .statusCode(400).body("error", containsString("Keep yourself among the authors"));
        long id = ((Number) create(contributor, "---\ntitle: Together\nslug: together-" + UUID.randomUUID()
                + "\nauthors: [" + me + ", " + coAuthor.account().handle + "]\n---\nx\n").statusCode(201)
                .extract().path("id")).longValue();
        // The co-author sees and may edit it within their role.
        coAuthor.given().get("/api/admin/posts/" + id).then().statusCode(200)
                .body("authors", org.hamcrest.Matchers.contains(me, coAuthor.account().handle));
    }

    @Test
    void aDraftCannotTakeAnotherPostsOldAddress() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String slug = "moved-" + UUID.randomUUID();
        String source = "---\ntitle: Moved\nslug: " + slug + "\n---\nx\n";
        long id = ((Number) create(author, source).statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        String oldPath = author.given().get("/api/admin/posts/" + id).then().extract().path("path");
        String newPath = save(author, id, source.replace(slug, "new-" + slug), version(author, id)).statusCode(200)
                .extract().path("path");
        Session other = TestAccounts.signedIn(Role.CONTRIBUTOR);
        create(other, "---\ntitle: Thief\nslug: thief-" + UUID.randomUUID() + "\nredirect_from: [" + oldPath
                + "]\n---\ny\n").statusCode(201);
        io.restassured.RestAssured.given().redirects().follow(false).get(oldPath).then().statusCode(301)
                .header("Location", containsString(newPath));
    }

    @Test
    void theAdminApiIsDescribedInOpenApi() {
        String openApi = io.restassured.RestAssured.given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().asString();
        assertThat(openApi).contains("/api/admin/posts/{id}/approve", "/api/admin/posts/{id}/diff",
                "/api/admin/tags/{tag}/merge", "/api/admin/settings", "/api/admin/media", "/api/admin/me/tokens",
                "Approve a post in review");
    }

    @Test
    void badInputNamesTheField() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        create(author, "").statusCode(400).body("field", equalTo("source"));
        author.given().get("/api/admin/posts?status=lost").then().statusCode(400).body("field", equalTo("status"));
        author.given().get("/api/admin/posts?size=1000").then().statusCode(400);
        String slug = "taken-" + UUID.randomUUID();
        create(author, "---\ntitle: One\nslug: " + slug + "\n---\nx\n").statusCode(201);
        create(author, "---\ntitle: Two\nslug: " + slug + "\n---\ny\n").statusCode(409).body("field", equalTo("slug"));
    }
}
