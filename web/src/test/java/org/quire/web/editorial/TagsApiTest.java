package org.quire.web.editorial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;

/** Renaming, merging and describing tags: posts follow, in their Markdown as on the site. */
@QuarkusTest
class TagsApiTest extends DatabaseTest {

    private static long publish(Session session, String source) {
        long id = ((Number) session.given().contentType("application/json").body(Map.of("source", source))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        session.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static String source(Session session, long id) {
        return session.given().get("/api/admin/posts/" + id).then().extract().path("source");
    }

    @Test
    void renamingATagRewritesEachPostsTagsAndNothingElse() {
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        String old = "Nova" + UUID.randomUUID().toString().substring(0, 5);
        String flow = "---\ntitle: Flow\nslug: flow-" + UUID.randomUUID() + "\ntags: [" + old + ", AWS]\n---\nOne.\n";
        String block = "---\ntitle: Block\ntags:\n  - " + old.toLowerCase() + "\n  - Linux\nslug: block-" + UUID.randomUUID()
                + "\n---\nTwo.\n";
        long a = publish(editor, flow);
        long b = publish(editor, block);
        given().get("/tags/" + old.toLowerCase() + "/").then().statusCode(200);

        String renamed = "OpenStack " + old;
        editor.given().contentType("application/json").body(Map.of("name", renamed, "description", "The compute service"))
                .patch("/api/admin/tags/" + old.toLowerCase()).then().statusCode(200)
                .body("postsChanged", equalTo(2)).body("tag.name", equalTo(renamed))
                .body("tag.posts", equalTo(2)).body("tag.description", equalTo("The compute service"));

        assertThat(source(editor, a)).isEqualTo(flow.replace("tags: [" + old + ", AWS]",
                "tags: [\"" + renamed + "\", \"AWS\"]"));
        assertThat(source(editor, b)).contains("tags: [\"" + renamed + "\", \"Linux\"]\nslug: block-").endsWith("\n---\nTwo.\n");
        String urlForm = renamed.toLowerCase().replace(" ", "%20");
        given().urlEncodingEnabled(false).get("/tags/" + urlForm + "/").then().statusCode(200)
                .body(containsString("Flow")).body(containsString("Block")).body(containsString("The compute service"));
        given().get("/tags/" + old.toLowerCase() + "/").then().statusCode(404);
        // Each post kept its history: the rename is a revision by the editor.
        editor.given().get("/api/admin/posts/" + a + "/revisions").then().body("[0].author", equalTo(editor.account().handle));
    }

    @Test
    void mergingMovesThePostsAndRefusesARenameOntoAnExistingTag() {
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        String suffix = UUID.randomUUID().toString().substring(0, 5);
        long a = publish(editor, "---\ntitle: K8s\nslug: k-" + suffix + "\ntags: [k8s" + suffix + "]\n---\nx\n");
        long b = publish(editor, "---\ntitle: Kube\nslug: kube-" + suffix + "\ntags: [Kubernetes" + suffix + ", k8s" + suffix
                + "]\n---\ny\n");
        editor.given().contentType("application/json").body(Map.of("name", "Kubernetes" + suffix))
                .patch("/api/admin/tags/k8s" + suffix).then().statusCode(409).body("field", equalTo("name"));
        editor.given().contentType("application/json").body(Map.of("into", "Kubernetes" + suffix))
                .post("/api/admin/tags/k8s" + suffix + "/merge").then().statusCode(200).body("postsChanged", equalTo(2))
                .body("tag.posts", equalTo(2));
        assertThat(source(editor, a)).contains("tags: [\"Kubernetes" + suffix + "\"]");
        // Already carrying both, the post carries the one left, once.
        assertThat(source(editor, b)).contains("tags: [\"Kubernetes" + suffix + "\"]");
        editor.given().get("/api/admin/tags").then().body("key", not(hasItem("k8s" + suffix)));
    }

    @Test
    void anEditorsBulkChangeDoesNotMakeAContributorsHtmlTrusted() {
        Session contributor = TestAccounts.signedIn(Role.CONTRIBUTOR);
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        String tag = "raw" + UUID.randomUUID().toString().substring(0, 5);
        long id = ((Number) contributor.given().contentType("application/json").body(Map.of("source",
                "---\ntitle: Raw\nslug: raw-" + tag + "\ntags: [" + tag + "]\n---\nHi <script>alert(1)</script>\n"))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        editor.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        String path = editor.given().get("/api/admin/posts/" + id).then().extract().path("path");
        given().get(path).then().body(not(containsString("<script>alert")));
        editor.given().contentType("application/json").body(Map.of("name", tag.toUpperCase()))
                .patch("/api/admin/tags/" + tag).then().statusCode(200).body("postsChanged", equalTo(1));
        given().get(path).then().statusCode(200).body(not(containsString("<script>alert")));
    }

    @Test
    void writersListTagsButOnlyEditorsChangeThem() {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String tag = "listed" + UUID.randomUUID().toString().substring(0, 5);
        publish(author, "---\ntitle: Listed\nslug: l-" + tag + "\ntags: [" + tag + "]\n---\nx\n");
        author.given().get("/api/admin/tags").then().statusCode(200).body("key", hasItem(tag));
        author.given().contentType("application/json").body(Map.of("description", "mine"))
                .patch("/api/admin/tags/" + tag).then().statusCode(403);
        TestAccounts.signedIn(Role.EDITOR).given().contentType("application/json").body(Map.of("name", ""))
                .patch("/api/admin/tags/no-such-tag-" + tag).then().statusCode(404).body("field", equalTo("tag"));
    }
}
