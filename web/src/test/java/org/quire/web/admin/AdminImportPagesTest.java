package org.quire.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.publicsite.NuHtmlCheckerAccess;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The admin import page: a zipped site uploaded, its import followed on a page that refreshes itself until the
 * report is there; an unsafe zip refused on the page; only administrators get in.
 */
@QuarkusTest
@TestProfile(AdminImportPagesTest.OwnSite.class)
class AdminImportPagesTest {

    /** A database of its own: an import sets the site's settings. */
    public static class OwnSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.database.url", "jdbc:h2:mem:quire-import-page;DB_CLOSE_DELAY=-1");
        }
    }

    private static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static Response upload(Session session, String name, byte[] zip) {
        return session.givenWithoutCsrf().redirects().follow(false).multiPart("_csrf", session.csrf())
                .multiPart("file", name, zip, "application/zip").post("/admin/import");
    }

    @Test
    void aZippedSiteIsImportedWhileThePageFollowsAlong() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        Map<String, String> site = new LinkedHashMap<>();
        site.put("_config.yml", "title: Paged import\n");
        for (int i = 1; i <= 30; i++) {
            site.put(String.format("_posts/2020-01-%02d-paged-%d.md", i, i), "---\ntitle: Paged " + i + "\n---\nBody.\n");
        }
        site.put("_posts/2020-02-01-broken.md", "---\ntitle: [unclosed\n---\nBody.\n");
        String form = admin.given().accept("text/html").get("/admin/import").then().statusCode(200).extract().asString();
        assertThat(NuHtmlCheckerAccess.errors(form)).isEmpty();

        Response started = upload(admin, "paged.zip", zip(site));
        assertThat(started.statusCode()).isEqualTo(303);
        String job = started.header("Location");
        String page = "";
        for (int attempt = 0; attempt < 100 && !page.contains("id=\"import-done\""); attempt++) {
            page = admin.given().accept("text/html").get(job).then().statusCode(200).extract().asString();
            if (!page.contains("id=\"import-done\"")) {
                assertThat(page).contains("http-equiv=\"refresh\"");
                Thread.sleep(200);
            }
        }
        assertThat(page).contains("id=\"import-done\"").contains("31 of 31 posts").doesNotContain("http-equiv")
                .contains("_posts/2020-02-01-broken.md");
        assertThat(NuHtmlCheckerAccess.errors(page)).isEmpty();
    }

    @Test
    void anUnsafeZipIsRefusedOnThePageAndOnlyAdministratorsGetIn() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        Response refused = upload(admin, "evil.zip", zip(Map.of("../outside.txt", "x", "_posts/a.md", "x")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("evil.zip").contains("was refused");
        Response notASite = upload(admin, "photos.zip", zip(Map.of("photo.txt", "x")));
        assertThat(notASite.statusCode()).isEqualTo(400);
        assertThat(notASite.asString()).contains("holds no _posts or _drafts folder");
        TestAccounts.signedIn(Role.EDITOR).given().accept("text/html").get("/admin/import").then().statusCode(403);
    }
}
