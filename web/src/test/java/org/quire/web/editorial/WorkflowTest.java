package org.quire.web.editorial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.content.PostService;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The review workflow end to end: a contributor submits, an editor sends back with a comment, the contributor
 * revises and resubmits, the editor approves for a later time, and the scheduler publishes it then, not before.
 */
@QuarkusTest
class WorkflowTest extends DatabaseTest {

    @Inject
    PostService posts;

    @Test
    void submitSendBackReviseApproveAndPublishOnSchedule() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        String title = "Scheduled review " + UUID.randomUUID().toString().substring(0, 6);
        String slug = "scheduled-" + UUID.randomUUID();
        String draft = "---\ntitle: " + title + "\nslug: " + slug + "\n---\nA first go.\n";
        long id = ((Number) contributor.given().contentType("application/json").body(Map.of("source", draft))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();

        contributor.given().post("/api/admin/posts/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("in_review"));
        editor.given().get("/api/admin/posts?status=in_review").then().statusCode(200).body("posts.id", hasItem((int) id));
        // Only reviewers review.
        contributor.given().contentType("application/json").body("{\"comment\":\"fine\"}")
                .post("/api/admin/posts/" + id + "/approve").then().statusCode(403);
        editor.given().contentType("application/json").body("{}").post("/api/admin/posts/" + id + "/send-back")
                .then().statusCode(400).body("field", equalTo("comment"));
        editor.given().contentType("application/json").body("{\"comment\":\"Say which region you tested in.\"}")
                .post("/api/admin/posts/" + id + "/send-back").then().statusCode(200).body("status", equalTo("draft"));

        List<Map<String, Object>> history = contributor.given().get("/api/admin/posts/" + id + "/history").then()
                .statusCode(200).extract().path("");
        assertThat(history).extracting(h -> h.get("kind")).containsExactly("submitted", "sent_back");
        assertThat(history.get(1)).containsEntry("comment", "Say which region you tested in.")
                .containsEntry("by", editor.account().handle).containsEntry("to", "draft");

        long version = ((Number) contributor.given().get("/api/admin/posts/" + id).then().extract().path("version")).longValue();
        contributor.given().contentType("application/json")
                .body(Map.of("source", draft.replace("A first go.", "Tested in eu-west-1."), "version", version))
                .put("/api/admin/posts/" + id).then().statusCode(200);
        contributor.given().post("/api/admin/posts/" + id + "/submit").then().statusCode(200);
        // Approving something not in review is refused, naming the status.
        Instant publishAt = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        editor.given().contentType("application/json").body(Map.of("publishAt", publishAt.toString()))
                .post("/api/admin/posts/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("scheduled"));
        editor.given().contentType("application/json").body(Map.of("publishAt", publishAt.toString()))
                .post("/api/admin/posts/" + id + "/approve").then().statusCode(409).body("field", equalTo("status"));

        String path = contributor.given().get("/api/admin/posts/" + id).then().extract().path("path");
        assertNotOnTheSite(title, path, slug);

        assertThat(posts.publishDue(publishAt.minusSeconds(60))).doesNotContain(id);
        assertNotOnTheSite(title, path, slug);

        assertThat(posts.publishDue(publishAt.plusSeconds(1))).contains(id);
        given().get(path).then().statusCode(200).body(containsString("Tested in eu-west-1."));
        given().get("/").then().body(containsString(title));
        given().get("/sitemap.xml").then().body(containsString(path));
        given().get("/api/content/posts/" + slug).then().statusCode(200);
        given().get("/feed.xml").then().body(containsString(title));
        assertThat(contributor.given().get("/api/admin/posts/" + id + "/history").then().extract()
                .<List<String>>path("kind")).containsExactly("submitted", "sent_back", "submitted", "approved", "published");
        // Its date is two hours ahead of the real clock: leave the shared site's home page to the other tests.
        editor.given().post("/api/admin/posts/" + id + "/unpublish").then().statusCode(200);
    }

    private static void assertNotOnTheSite(String title, String path, String slug) {
        given().get(path).then().statusCode(404);
        given().get("/").then().body(not(containsString(title)));
        given().get("/sitemap.xml").then().body(not(containsString(path)));
        given().get("/api/content/posts/" + slug).then().statusCode(404);
        given().get("/feed.xml").then().body(not(containsString(title)));
    }

    @Test
    void aContributorCannotScheduleAndAPastTimeIsRefused() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String source = "---\ntitle: Timing\nslug: timing-" + UUID.randomUUID() + "\n---\nx\n";
        long mine = ((Number) contributor.given().contentType("application/json").body(Map.of("source", source))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        contributor.given().contentType("application/json").body(Map.of("publishAt", "2099-01-01T00:00:00Z"))
                .post("/api/admin/posts/" + mine + "/schedule").then().statusCode(403);
        long authors = ((Number) author.given().contentType("application/json")
                .body(Map.of("source", source.replace("timing-", "timing-a-"))).post("/api/admin/posts").then()
                .statusCode(201).extract().path("id")).longValue();
        author.given().contentType("application/json").body(Map.of("publishAt", "2001-01-01T00:00:00Z"))
                .post("/api/admin/posts/" + authors + "/schedule").then().statusCode(400).body("field", equalTo("publishAt"));
        author.given().contentType("application/json").body(Map.of("publishAt", "2099-01-01T00:00:00Z"))
                .post("/api/admin/posts/" + authors + "/schedule").then().statusCode(200).body("status", equalTo("scheduled"));
    }
}
