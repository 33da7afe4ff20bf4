package org.quire.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.publicsite.NuHtmlCheckerAccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The backup page on the shared test instance: the archive downloads while the site serves, and a restore is
 * refused because this instance holds work (restoring for real is {@code BackupRestoreTest}, on its own instance).
 */
@QuarkusTest
class AdminBackupPagesTest {

    @Test
    void anAdministratorDownloadsABackupAndCannotRestoreOverWork() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String page = admin.given().accept("text/html").get("/admin/backup").then().statusCode(200).extract().asString();
        assertThat(NuHtmlCheckerAccess.errors(page)).as("Nu HTML Checker").isEmpty();
        assertThat(page).contains("href=\"/admin/backup/archive\"").contains("This instance is not empty")
                .contains("<button type=\"submit\" disabled>");

        byte[] zip = admin.given().get("/admin/backup/archive").then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                        "attachment; filename=\"quire-backup-\\d{8}-\\d{6}\\.zip\""))
                .extract().asByteArray();
        Set<String> entries = new HashSet<>();
        JsonNode manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
                if (entry.getName().equals("manifest.json")) {
                    manifest = new ObjectMapper().readTree(in.readAllBytes());
                }
            }
        }
        assertThat(entries).contains("manifest.json", "database/post.json", "database/account.json",
                "database/plugin_state.json");
        assertThat(manifest).isNotNull();
        assertThat(manifest.path("format").asText()).isEqualTo("quire-backup");
        assertThat(manifest.path("rows").path("account").asLong()).isPositive();

        String refused = admin.given().multiPart("file", "site.zip", zip, "application/zip")
                .post("/admin/backup/restore").then().statusCode(400).extract().asString();
        assertThat(refused).contains("role=\"alert\"").contains("This instance is not empty");
        admin.given().get("/api/admin/me").then().statusCode(200);

        String chinese = admin.given().accept("text/html").header("Accept-Language", "zh-CN").get("/admin/backup")
                .then().statusCode(200).extract().asString();
        assertThat(chinese).contains("备份与恢复");

        Session editor = TestAccounts.signedIn(Role.EDITOR);
        editor.given().accept("text/html").get("/admin/backup").then().statusCode(403);
        editor.given().get("/admin/backup/archive").then().statusCode(403);
    }
}
