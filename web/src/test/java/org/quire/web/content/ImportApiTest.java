package org.quire.web.content;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A Jekyll site uploaded as a zip, on a database of its own (an import sets the site's settings). */
@QuarkusTest
@TestProfile(ImportApiTest.OwnSite.class)
class ImportApiTest {

    public static class OwnSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.database.url", "jdbc:h2:mem:quire-zip-import;DB_CLOSE_DELAY=-1");
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aZippedSiteIsImportedWithAReportPerPost() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        byte[] site = zip(new java.util.LinkedHashMap<>(Map.of(
                "blog/_config.yml", utf8("title: Zipped blog\n"),
                "blog/_posts/2019-03-04-first-zipped.md", utf8("---\ntitle: First zipped\ntags: [zip]\n---\nOne.\n"),
                "blog/_posts/2019-03-05-second-zipped.md", utf8("---\ntitle: Second zipped\n---\nTwo.\n"))));
        admin.given().multiPart("file", "blog.zip", site, "application/zip").post("/api/admin/import").then()
                .statusCode(200).body("imported", equalTo(2)).body("failed", equalTo(0))
                .body("posts.file", org.hamcrest.Matchers.hasItem(containsString("first-zipped")));
        given().get("/2019/03/first-zipped/").then().statusCode(200).body(containsString("One."));
        // Again: nothing duplicated.
        admin.given().multiPart("file", "blog.zip", site, "application/zip").post("/api/admin/import").then()
                .statusCode(200).body("imported", equalTo(0)).body("unchanged", equalTo(2));
        TestAccounts.signedIn(Role.EDITOR).given().multiPart("file", "blog.zip", site, "application/zip")
                .post("/api/admin/import").then().statusCode(403);
    }

    private static long importFolders() throws Exception {
        try (var entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("quire-import-")).count();
        }
    }

    @Test
    void zipSlipAndZipBombsAreRefusedNamingTheEntry() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        long foldersBefore = importFolders();
        Path outside = Path.of(System.getProperty("java.io.tmpdir"), "quire-zip-slip-" + System.nanoTime() + ".md");
        String escaping = "../../../../../../.." + outside;
        byte[] slip = zip(Map.of("_posts/2019-01-01-ok.md", utf8("---\ntitle: ok\n---\n"), escaping, utf8("pwned")));
        admin.given().multiPart("file", "slip.zip", slip, "application/zip").post("/api/admin/import").then()
                .statusCode(400).body("error", containsString("points outside the archive"));
        assertThat(outside).doesNotExist();

        byte[] zeros = new byte[64 << 20];
        byte[] bomb = zip(Map.of("_posts/2019-01-01-big.md", zeros));
        assertThat(bomb.length).isLessThan(1 << 20);
        admin.given().multiPart("file", "bomb.zip", bomb, "application/zip").post("/api/admin/import").then()
                .statusCode(400).body("error", containsString("zip bomb"))
                .body("error", containsString("_posts/2019-01-01-big.md"));

        admin.given().multiPart("file", "notes.zip", utf8("not a zip at all"), "application/zip")
                .post("/api/admin/import").then().statusCode(400).body("error", containsString("Not a readable zip"));
        admin.given().multiPart("file", "empty-site.zip", zip(Map.of("readme.txt", utf8("hi"))), "application/zip")
                .post("/api/admin/import").then().statusCode(400).body("error", containsString("no _posts"));
        // Nothing was left behind in the temporary folder either.
        assertThat(importFolders()).isEqualTo(foldersBefore);
    }
}
