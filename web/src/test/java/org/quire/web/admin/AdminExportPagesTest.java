package org.quire.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.export.ExportJobs;
import org.quire.web.publicsite.NuHtmlCheckerAccess;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The export from the admin page: it runs in the background while the page follows, offers the site as a zip, and
 * a second export after one edit rewrites only the pages that show the edited post.
 */
@QuarkusTest
class AdminExportPagesTest {

    @Inject
    ExportJobs jobs;

    private static String page(Session session) {
        return session.given().accept("text/html").get("/admin/export").then().statusCode(200).extract().asString();
    }

    private static void export(Session admin) throws InterruptedException {
        admin.givenWithoutCsrf().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", admin.csrf()).post("/admin/export").then().statusCode(303);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!page(admin).contains("id=\"export-done\"")) {
            assertThat(System.nanoTime()).as("the export finishes within two minutes").isLessThan(deadline);
            assertThat(page(admin)).doesNotContain("role=\"alert\"");
            Thread.sleep(200);
        }
    }

    private Map<String, FileTime> files() throws Exception {
        Map<String, FileTime> times = new HashMap<>();
        try (Stream<Path> walk = Files.walk(jobs.folder())) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                times.put("/" + jobs.folder().relativize(file).toString().replace('\\', '/'),
                        Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    @Test
    void theExportRunsInTheBackgroundAndASecondOneRewritesOnlyWhatAnEditChanged() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = "Exported " + UUID.randomUUID().toString().substring(0, 8);
        long id = ((Number) author.given().contentType("application/json")
                .body(Map.of("fields", Map.of("title", title, "body", "First words.")))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        String path = author.given().get("/api/admin/posts/" + id).then().extract().path("path");

        String before = page(admin);
        assertThat(NuHtmlCheckerAccess.errors(before)).as("Nu HTML Checker").isEmpty();
        export(admin);
        String done = page(admin);
        assertThat(NuHtmlCheckerAccess.errors(done)).isEmpty();
        assertThat(done).contains("href=\"/admin/export/site.zip\"");
        assertThat(Files.readString(jobs.folder().resolve(path.substring(1)).resolve("index.html")))
                .contains("First words.");

        byte[] zip = admin.given().get("/admin/export/site.zip").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Set<String> entries = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).contains("index.html", "sitemap.xml", path.substring(1) + "index.html");

        Map<String, FileTime> first = files();
        Thread.sleep(1100);   // file times have a second's resolution on some file systems
        long version = ((Number) author.given().get("/api/admin/posts/" + id).then().extract().path("version"))
                .longValue();
        author.given().contentType("application/json").body(Map.of("version", version,
                "fields", Map.of("title", title, "body", "Second words."))).put("/api/admin/posts/" + id)
                .then().statusCode(200);
        export(admin);
        Map<String, FileTime> second = files();
        List<String> rewritten = second.keySet().stream()
                .filter(file -> !second.get(file).equals(first.get(file))).sorted().toList();
        assertThat(rewritten).contains(path + "index.html");
        assertThat(rewritten).as("only the post and pages that list or index it").allMatch(file ->
                file.equals(path + "index.html") || file.equals("/index.html") || file.startsWith("/page/")
                        || file.startsWith("/archive/") || file.startsWith("/authors/") || file.startsWith("/tags/")
                        || file.startsWith("/categories/") || file.startsWith("/feeds/") || file.endsWith(".xml")
                        || file.endsWith(".json"));
        assertThat(rewritten.size()).isLessThan(first.size() / 2);

        TestAccounts.signedIn(Role.EDITOR).given().accept("text/html").get("/admin/export").then().statusCode(403);
    }
}
