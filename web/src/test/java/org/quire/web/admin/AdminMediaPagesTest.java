package org.quire.web.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

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
 * The media library page: files with size, dimensions and where they are used, alt text, search, delete refused
 * while a post uses a file (unless forced) and taking the file's variants with it, and the broken-media report.
 */
@QuarkusTest
class AdminMediaPagesTest extends DatabaseTest {

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static String upload(Session session, String name, byte[] content) {
        return session.given().multiPart("file", name, content, "image/png").multiPart("alt", "First alt")
                .post("/api/admin/media").then().statusCode(201).extract().path("url");
    }

    private static Response form(Session session, String path, Map<String, ?> fields) {
        return session.givenWithoutCsrf().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("_csrf", session.csrf()).formParams(fields).post(path);
    }

    @Test
    void theLibraryShowsUsageEditsAltTextAndDeletesOnlyWhatIsUnused() throws Exception {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String used = upload(author, "used-" + tag + ".png", png(1200, 600));
        String unused = upload(author, "spare-" + tag + ".png", png(1000, 500));
        String title = "Uses an image " + tag;
        author.given().contentType("application/json").body(Map.of("fields", Map.of("title", title,
                "body", "![Chart](" + used + ")\n"))).post("/api/admin/posts").then().statusCode(201);

        String page = author.given().accept("text/html").get("/admin/media?q=" + tag).then().statusCode(200)
                .extract().asString();
        assertThat(NuHtmlCheckerAccess.errors(page)).isEmpty();
        assertThat(page).contains("used-" + tag).contains("spare-" + tag).contains("1200 × 600").contains(title)
                .contains("value=\"First alt\"");

        String usedPath = used.substring("/media/".length());
        String unusedPath = unused.substring("/media/".length());
        form(author, "/admin/media/alt", Map.of("path", unusedPath, "altText", "A spare diagram")).then().statusCode(200);
        assertThat(author.given().accept("text/html").get("/admin/media?q=spare-" + tag).then().extract().asString())
                .contains("value=\"A spare diagram\"");

        form(author, "/admin/media/delete", Map.of("path", usedPath)).then().statusCode(409)
                .body(containsString(title));
        given().get(used).then().statusCode(200);

        given().get("/media/_w480/" + unusedPath + "?v=1").then().statusCode(200);
        form(author, "/admin/media/delete", Map.of("path", unusedPath)).then().statusCode(200);
        given().get(unused).then().statusCode(404);
        given().get("/media/_w480/" + unusedPath + "?v=1").then().statusCode(404);

        // Another author may neither describe nor delete it; an editor may, forcing it past the post that uses it.
        Session other = TestAccounts.signedIn(Role.AUTHOR);
        form(other, "/admin/media/alt", Map.of("path", usedPath, "altText", "Defaced")).then().statusCode(403);
        form(other, "/admin/media/delete", Map.of("path", usedPath, "force", "on")).then().statusCode(403);
        assertThat(author.given().accept("text/html").get("/admin/media?q=used-" + tag).then().extract().asString())
                .doesNotContain("Defaced");
        form(TestAccounts.signedIn(Role.EDITOR), "/admin/media/alt", Map.of("path", usedPath, "altText",
                "Described by an editor")).then().statusCode(200);
        form(TestAccounts.signedIn(Role.EDITOR), "/admin/media/delete", Map.of("path", usedPath, "force", "on"))
                .then().statusCode(200);
        String broken = author.given().accept("text/html").get("/admin/media/broken").then().statusCode(200)
                .extract().asString();
        assertThat(broken).contains("/media/" + usedPath).contains(title);
        assertThat(NuHtmlCheckerAccess.errors(broken)).isEmpty();

        TestAccounts.signedIn(Role.CONTRIBUTOR).given().accept("text/html").get("/admin/media").then().statusCode(403);
    }
}
