package org.quire.web.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quire.web.DatabaseTest;
import org.quire.web.SeedPosts;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.content.JekyllImport;
import org.quire.web.export.SiteExporter;
import org.quire.web.media.TestImages;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Backup and restore on an instance of its own: archives that must be refused leave the instance as it was; a
 * populated instance (the 18F corpus on H2, a small one on PostgreSQL and MariaDB; the seed post with its images,
 * an installed and configured plugin, a draft with revisions, an API token) backed up, emptied, and restored
 * exports exactly the same static site.
 */
@QuarkusTest
@TestProfile(BackupRestoreTest.OwnInstance.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreTest extends DatabaseTest {

    private static final Path DATA = Path.of("target", "test-data-backup").toAbsolutePath();
    private static final Path WORK = Path.of("target", "backup-test").toAbsolutePath();

    public static class OwnInstance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            deleteTree(DATA);
            deleteTree(WORK);
            // A database and data folder of its own: emptying the instance must not touch what other tests keep.
            return Map.of("quire.database.url", System.getProperty("quire.test.backup-database-url",
                            "jdbc:h2:mem:quire-backup;DB_CLOSE_DELAY=-1"),
                    "quire.data-dir", DATA.toString(), "%test.quire.data-dir", DATA.toString());
        }
    }

    @Inject
    org.quire.web.plugins.records.HostRecords hostRecords;

    @Inject
    Backups backups;

    @Inject
    SiteExporter exporter;

    @Inject
    JekyllImport importer;

    private static Path write(Backups backups, String name) throws Exception {
        Files.createDirectories(WORK);
        Path archive = WORK.resolve(name);
        backups.write(archive, step -> { });
        return archive;
    }

    /** A copy of {@code archive} with the entries {@code change} maps to new bytes (null: left out). */
    private static Path altered(Path archive, String name, Map<String, UnaryOperator<byte[]>> changes) throws IOException {
        Path target = WORK.resolve(name);
        try (ZipFile zip = new ZipFile(archive.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (changes.containsKey(entry.getName())) {
                    bytes = changes.get(entry.getName()).apply(bytes);
                }
                if (bytes != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** A copy of {@code archive} with one more entry, {@code media/<hash>} holding {@code text}. */
    private static Path withMedia(Path archive, String name, String hash, String text) throws IOException {
        Path target = WORK.resolve(name);
        try (ZipFile zip = new ZipFile(archive.toFile()); OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                zip.getInputStream(entry).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("media/" + hash));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return target;
    }

    private static UnaryOperator<byte[]> replacing(String from, String to) {
        return bytes -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertThat(text).contains(from);
            return text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)).getBytes(StandardCharsets.UTF_8);
        };
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (BackupFormat.Table table : BackupFormat.TABLES) {
                try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
                    result.next();
                    counts.put(table.name(), result.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Every row of the tables a backup copies, as text, so two instances can be compared value by value. */
    private Map<String, List<String>> rows() throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (BackupFormat.Table table : BackupFormat.TABLES) {
                List<String> lines = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table.name() + " ORDER BY "
                        + String.join(", ", table.key()))) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            Object value = result.getObject(i);
                            if (value instanceof java.sql.Clob clob) {
                                value = clob.getSubString(1, (int) clob.length());
                            }
                            line.append(result.getMetaData().getColumnName(i)).append('=').append(value).append(';');
                        }
                        lines.add(line.toString());
                    }
                }
                rows.put(table.name(), lines);
            }
        }
        return rows;
    }

    /** Every file of an exported folder with its bytes, by relative path. */
    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void archivesThatCannotBeRestoredAreRefusedNamingWhyAndChangeNothing() throws Exception {
        Path good = write(backups, "first-run.zip");
        Map<String, List<String>> before = rows();
        assertThat(before.get("post")).hasSize(1);

        Path notZip = WORK.resolve("notes.zip");
        Files.writeString(notZip, "not a zip");
        assertThatThrownBy(() -> backups.restore(notZip, step -> { }))
                .hasMessageContaining("'notes.zip' is not a zip archive");

        Path noManifest = altered(good, "no-manifest.zip", Map.of(BackupFormat.MANIFEST, bytes -> null));
        assertThatThrownBy(() -> backups.restore(noManifest, step -> { }))
                .hasMessageContaining("has no manifest.json: it is not a Quire backup");

        String schema = backups.schemaVersion();
        Path newer = altered(good, "newer.zip", Map.of(BackupFormat.MANIFEST,
                replacing("\"schemaVersion\" : \"" + schema + "\"", "\"schemaVersion\" : \"99\"")));
        assertThatThrownBy(() -> backups.restore(newer, step -> { }))
                .hasMessageContaining("holds database schema 99 and this Quire")
                .hasMessageContaining("runs schema " + schema)
                .hasMessageContaining("made by a newer Quire");

        Path laterLayout = altered(good, "layout.zip", Map.of(BackupFormat.MANIFEST,
                replacing("\"layoutVersion\" : 2", "\"layoutVersion\" : 3")));
        assertThatThrownBy(() -> backups.restore(laterLayout, step -> { }))
                .hasMessageContaining("has archive layout 3").hasMessageContaining("reads layout 2");

        Path beforeSchema10 = altered(good, "schema-9.zip", Map.of(BackupFormat.MANIFEST,
                replacing("\"schemaVersion\" : \"" + schema + "\"", "\"schemaVersion\" : \"9\"")));
        assertThatThrownBy(() -> backups.restore(beforeSchema10, step -> { }))
                .hasMessageContaining("holds database schema 9").hasMessageContaining("made by an older Quire");

        Path badRow = altered(good, "bad-row.zip", Map.of("database/post.json",
                replacing("\"word_count\":", "\"word_count\":\"many\",\"was\":")));
        assertThatThrownBy(() -> backups.restore(badRow, step -> { }))
                .hasMessageContaining("bad-row.zip, database/post.json, row 1").hasMessageContaining("unknown [was]");

        Path wrongType = altered(good, "wrong-type.zip", Map.of("database/account.json",
                replacing("\"can_sign_in\":true", "\"can_sign_in\":\"yes\"")));
        assertThatThrownBy(() -> backups.restore(wrongType, step -> { }))
                .hasMessage("wrong-type.zip, database/account.json, row 1, can_sign_in: expected true or false,"
                        + " found \"yes\"");

        Path tooLong = altered(good, "too-long.zip", Map.of("database/post.json",
                replacing("\"title\":\"", "\"title\":\"" + "T".repeat(600))));
        assertThatThrownBy(() -> backups.restore(tooLong, step -> { }))
                .hasMessageContaining("too-long.zip, database/post.json, row 1, title: ")
                .hasMessageContaining("where this column holds at most 500");

        // A media file whose bytes are not the ones its hash names: the archive was damaged.
        String hash = "ab".repeat(32);
        Path damaged = altered(good, "damaged.zip", Map.of("database/media_file.json", replacing("[",
                "[\n{\"id\":1,\"path\":\"2020/01/a.png\",\"sha256\":\"" + hash + "\",\"content_type\":\"image/png\","
                        + "\"size_bytes\":3,\"original_name\":null,\"uploaded_by\":null,"
                        + "\"created_at\":\"2020-01-01T00:00:00Z\",\"alt_text\":null}")));
        assertThatThrownBy(() -> backups.restore(damaged, step -> { }))
                .hasMessageContaining("media/" + hash + ") are missing from the archive");
        assertThatThrownBy(() -> backups.restore(withMedia(damaged, "tampered.zip", hash, "abc"), step -> { }))
                .hasMessageContaining("tampered.zip, media/" + hash + ": the bytes have SHA-256 ba7816bf")
                .hasMessageContaining("the archive is damaged");
        // More bytes than the row says are never unpacked in full (a zip bomb would fill the disk).
        assertThatThrownBy(() -> backups.restore(withMedia(damaged, "bomb.zip", hash, "abcd".repeat(100_000)),
                step -> { })).hasMessage("bomb.zip, media/" + hash + ": holds more than the 3 bytes its media_file"
                + " rows say; the archive is damaged");

        assertThat(rows()).as("the instance after every refusal").isEqualTo(before);
    }

    @Test
    @Order(2)
    void aBackupRestoredIntoAnEmptyInstanceExportsTheSameSite() throws Exception {
        // A populated instance: the 18F corpus, the seed post with its six images, a configured plugin jar,
        // a draft with revisions, an API token.
        String corpus = System.getProperty("quire.test.backup-corpus", "18f");
        JekyllImport.Report imported = importer.importSite(Path.of(System.getProperty("quire.shared.dir"), "corpora",
                corpus), done -> { });
        int corpusPosts = corpus.equals("18f") ? 505 : 102; // jekyll-news: 102 posts
        assertThat(imported.posts()).hasSize(corpusPosts);
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String source = TestImages.uploadSeedScreenshots(author, SeedPosts.source());
        long seed = ((Number) author.given().contentType("application/json").body(Map.of("source", source))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + seed + "/publish").then().statusCode(200);
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "callouts.jar", Files.readAllBytes(Path.of(System.getProperty(
                "quire.test.example-plugin-jar"))), "application/java-archive").post("/api/admin/plugins").then()
                .statusCode(201);
        admin.given().post("/api/admin/plugins/callouts/enable").then().statusCode(200);
        admin.given().contentType("application/json").body(Map.of("label-note", "Nota bene"))
                .put("/api/admin/plugins/callouts/settings").then().statusCode(200);
        long callout = ((Number) author.given().contentType("application/json").body(Map.of("fields",
                Map.of("title", "A callout", "body", "> [!NOTE]\n> Backed up.\n")))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + callout + "/publish").then().statusCode(200);
        long draft = ((Number) author.given().contentType("application/json").body(Map.of("fields",
                Map.of("title", "Still a draft", "body", "First words.")))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        int version = author.given().get("/api/admin/posts/" + draft).then().extract().path("version");
        author.given().contentType("application/json").body(Map.of("version", version, "fields",
                Map.of("title", "Still a draft", "body", "Second words."))).put("/api/admin/posts/" + draft)
                .then().statusCode(200);
        admin.given().contentType("application/json").body(Map.of("name", "deploy script"))
                .post("/api/admin/me/tokens").then().statusCode(201);
        assertThat(given().get("/callouts/").then().statusCode(200).extract().asString()).contains("Nota bene");
        // A plugin's records (API 1.4), of every kind of indexed field.
        org.quire.api.PluginDescriptor guestbook = org.quire.api.PluginDescriptor.builder("guestbook")
                .collection(org.quire.api.records.CollectionDefinition.named("entries").indexString("post")
                        .indexNumber("stars").indexTime("at")).build();
        hostRecords.indexAsDeclared(guestbook);
        var entries = hostRecords.recordsOf(guestbook).collection("entries");
        entries.insert("e1", Map.of("post", "seed", "stars", 4.5, "at", "2026-12-07T10:15:30.123456Z",
                "text", "Lovely 文章", "nested", Map.of("list", List.of(1, "two"))));
        entries.insert("e2", Map.of("text", "no indexed field"));
        entries.replace("e2", 1, Map.of("text", "changed once"));

        Path archive = write(backups, "populated.zip");
        Path before = WORK.resolve("export-before");
        exporter.export(before, progress -> { });
        Map<String, Long> counts = rowCounts();
        Map<String, List<String>> rows = rows();
        assertThat(counts.get("post")).isGreaterThan(corpusPosts);
        assertThat(counts.get("media_file")).as("six images, their copies and records, a plugin jar")
                .isGreaterThanOrEqualTo(6 + 6 + 6 + 1);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.getEntry("database/post.json")).isNotNull();
            assertThat(zip.stream().filter(e -> e.getName().startsWith("media/")).count()).isPositive();
        }

        // Refused while the instance holds work.
        assertThatThrownBy(() -> backups.restore(archive, step -> { }))
                .hasMessageContaining("This instance is not empty (it has " + (counts.get("post") - 1) + " posts");
        assertThat(rows()).isEqualTo(rows);

        // Empty the instance as a new one would be (nothing in the database, no media bytes), then restore.
        emptyTheInstance();
        Backups.Restored restored = backups.restore(archive, step -> { });
        assertThat(restored.rows()).isEqualTo(counts);
        assertThat(rows()).as("every row, value by value").isEqualTo(rows);

        Path after = WORK.resolve("export-after");
        exporter.export(after, progress -> { });
        Map<String, byte[]> expected = files(before);
        Map<String, byte[]> actual = files(after);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(expected.size()).isGreaterThan(corpus.equals("18f") ? 1000 : 20);
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            assertThat(actual.get(file.getKey())).as("exported %s", file.getKey()).isEqualTo(file.getValue());
        }
        assertThat(given().get("/callouts/").then().statusCode(200).extract().asString()).contains("Nota bene");

        // Sessions ended with the restore; the restored accounts sign in, and new rows get new ids.
        admin.given().get("/api/admin/me").then().statusCode(401);
        Session again = TestAccounts.signedIn(Role.EDITOR);
        again.given().contentType("application/json").body(Map.of("fields",
                Map.of("title", "After the restore", "body", "New.")))
                .post("/api/admin/posts").then().statusCode(201);
    }

    @Test
    @Order(3)
    void anArchiveMadeBeforePluginRecordsStillRestores() throws Exception {
        // As Quire wrote it at schema 10: layout 1, and no files for the tables migration 11 added.
        Path current = write(backups, "current.zip");
        Map<String, List<String>> rows = rows();
        assertThat(rows.get("plugin_record")).as("the records written before").isNotEmpty();
        Map<String, java.util.function.UnaryOperator<byte[]>> changes = new java.util.HashMap<>();
        changes.put(BackupFormat.MANIFEST, replacing("\"schemaVersion\" : \"" + backups.schemaVersion() + "\"",
                "\"schemaVersion\" : \"10\"").andThen(replacing("\"layoutVersion\" : 2", "\"layoutVersion\" : 1"))::apply);
        changes.put("database/plugin_record.json", bytes -> null);
        changes.put("database/plugin_collection.json", bytes -> null);
        Path older = altered(current, "schema-10.zip", changes);

        emptyTheInstance();
        Backups.Restored restored = backups.restore(older, step -> { });
        assertThat(restored.rows()).containsEntry("plugin_record", 0L).containsEntry("plugin_collection", 0L);
        Map<String, List<String>> expected = new LinkedHashMap<>(rows);
        expected.put("plugin_record", List.of());
        expected.put("plugin_collection", List.of());
        assertThat(rows()).as("every row but the records the older archive could not hold").isEqualTo(expected);
    }

    /** What a new instance has before its first start: no rows, no media bytes. */
    private void emptyTheInstance() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM sign_in_session");
            for (int i = BackupFormat.TABLES.size() - 1; i >= 0; i--) {
                statement.executeUpdate("DELETE FROM " + BackupFormat.TABLES.get(i).name());
            }
        }
        deleteTree(DATA.resolve("media"));
    }
}
