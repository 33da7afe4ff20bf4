package org.quire.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.AccessFilter;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.media.TestImages;
import org.quire.web.plugins.PluginJarBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * Hostile and careless input through the ways content comes in (the editor's JSON and Markdown, uploads, site
 * imports, plugin jars): each is refused with an error that names the field, line, file or limit, never a 500 or a
 * stack trace, and a published post stored before it is exactly as it was afterwards.
 */
@QuarkusTest
class HostileInputTest extends DatabaseTest {

    private Session author;
    private long keptId;
    private String keptPage;
    private String keptSource;

    @BeforeEach
    void aPublishedPostThatMustSurviveEverything() {
        author = TestAccounts.signedIn(Role.AUTHOR);
        String source = "---\ntitle: Kept safe\nslug: kept-" + UUID.randomUUID() + "\ntags: [Safety]\n---\n"
                + "Stored **before** the hostile input.\n";
        keptId = id(create(author, source).statusCode(201));
        author.given().post("/api/admin/posts/" + keptId + "/publish").then().statusCode(200);
        keptSource = source(keptId);
        keptPage = given().get(path(keptId)).then().statusCode(200).extract().asString();
    }

    @AfterEach
    void thePublishedPostIsAsItWas() {
        assertThat(source(keptId)).isEqualTo(keptSource);
        assertThat(given().get(path(keptId)).then().statusCode(200).extract().asString()).isEqualTo(keptPage);
    }

    @Test
    void textThatIsNotUtf8IsRefusedNamingWhereItBreaks() {
        byte[] markdown = concat("---\ntitle: Latin-1\n---\nFirst line.\nCaf".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xE9}, " au lait.\n".getBytes(StandardCharsets.UTF_8));
        author.given().contentType("text/markdown").body(markdown).post("/api/admin/posts").then().statusCode(400)
                .body("field", equalTo("source"))
                .body("error", containsString("not UTF-8")).body("error", containsString("line 5"));
        author.given().contentType("text/markdown").header("If-Match", "\"" + version(keptId) + "\"").body(markdown)
                .put("/api/admin/posts/" + keptId + "/source").then().statusCode(400)
                .body("error", containsString("line 5"));

        byte[] json = concat("{\"source\":\"# Caf".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9},
                "\"}".getBytes(StandardCharsets.UTF_8));
        author.given().contentType("application/json").body(json).post("/api/admin/posts").then().statusCode(400)
                .body("error", containsString("UTF-8"));
    }

    @Test
    void aFiftyMegabytePostIsRefusedWithTheLimit() {
        String huge = "---\ntitle: Huge\n---\n" + "All work and no play. ".repeat(50 * 1024 * 1024 / 22);
        Answer answer = sendLarge("/api/admin/posts", "text/markdown", huge.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("at most 26214400 bytes").doesNotContain("Exception");
    }

    @Test
    void nestingAHundredThousandLevelsDeepIsRefusedNamingTheLine() {
        // Indentation makes the text grow with the square of the depth: 2,000 levels are already 4 MB.
        for (String nested : new String[] {">".repeat(100_000) + " deep\n", "- ".repeat(100_000) + "deep\n",
                "1. ".repeat(100_000) + "deep\n", "*".repeat(100_000) + "deep" + "*".repeat(100_000) + "\n",
                buildIndentedList(2_000)}) {
            String source = "---\ntitle: Nested\nslug: nested-" + UUID.randomUUID() + "\n---\nIntro.\n\n" + nested;
            String error = create(author, source).statusCode(400).body("field", equalTo("source"))
                    .body("error", containsString("nested")).extract().path("error");
            // The line where the nesting passes the limit: the one line, or within the indented list from line 7.
            int line = Integer.parseInt(error.replaceFirst("^line (\\d+): .*", "$1"));
            if (nested.indexOf('\n') == nested.length() - 1) {
                assertThat(line).as(error).isEqualTo(7);
            } else {
                assertThat(line).as(error).isBetween(8, 7 + 2_000);
            }
            author.given().contentType("application/json").body(Map.of("source", source))
                    .post("/api/admin/posts/preview").then().statusCode(400).body("error", containsString("nested"));
        }
        // Links cannot nest in CommonMark, so a hundred thousand brackets are text; raw HTML nested as deep is kept
        // for an editor and sanitised for an author: either way an answer, never a failure.
        for (Session writer : new Session[] {author, TestAccounts.signedIn(Role.EDITOR)}) {
            int status = create(writer, "---\ntitle: Divs\nslug: divs-" + UUID.randomUUID() + "\n---\n"
                    + "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000) + "\n").extract().statusCode();
            assertThat(status).as("deeply nested HTML").isIn(201, 400);
            status = create(writer, "---\ntitle: Brackets\nslug: brackets-" + UUID.randomUUID() + "\n---\n"
                    + "[".repeat(100_000) + "deep" + "](x)".repeat(100_000) + "\n").extract().statusCode();
            assertThat(status).as("a hundred thousand brackets").isEqualTo(201);
        }
        // Deep but sane nesting still renders.
        String sane = "---\ntitle: Quotes\nslug: quotes-" + UUID.randomUUID() + "\n---\n" + "> ".repeat(20) + "fine\n";
        create(author, sane).statusCode(201);
    }

    @Test
    void aMillionCharacterLineIsStoredAndServed() {
        String line = "word ".repeat(200_000);
        long id = id(create(author, "---\ntitle: Long line\nslug: long-" + UUID.randomUUID() + "\n---\n" + line
                + "\n").statusCode(201));
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        assertThat(given().get(path(id)).then().statusCode(200).extract().asString()).contains(line.strip());
        // Emphasis, link and tag openers a million long, never closed: the parser must stay linear (the preview
        // renders as saving does; a million '<' become 4 MB of HTML, twice with the excerpt, more than one
        // transaction of MariaDB's default redo log should carry in a test).
        for (String opener : new String[] {"*", "[", "_a", "<", "x<?", "`", "!["}) {
            author.given().contentType("application/json").body(Map.of("source", "---\ntitle: Openers\n---\n"
                    + opener.repeat(1_000_000 / opener.length()) + "\n")).post("/api/admin/posts/preview").then()
                    .statusCode(200);
        }
    }

    @Test
    void slugsThatClimbOutOfTheSiteAreRefusedOrMadeSafe() {
        List<String> climbs = new ArrayList<>();
        for (String slug : new String[] {"../../etc/passwd", "..", "a/../../b", "..\\..\\windows", "%2e%2e%2f"}) {
            climbs.add("slug: \"" + slug.replace("\\", "\\\\") + "\"");
        }
        for (String permalink : new String[] {"/../../outside/", "/a/../../b/", "/%2e%2e/x/", "..\\..\\x",
                "//evil.example/x"}) {
            climbs.add("slug: climb-" + UUID.randomUUID() + "\npermalink: \"" + permalink.replace("\\", "\\\\")
                    + "\"");
        }
        climbs.add("slug: climb-" + UUID.randomUUID() + "\ncategories: [\"../..\", \"..\", \"a/../../b\"]");
        for (String field : climbs) {
            ValidatableResponse answer = create(author, "---\ntitle: Climb\n" + field + "\n---\nx\n");
            int status = answer.extract().statusCode();
            if (status == 201) {
                String path = answer.extract().path("path");
                assertThat(path).as("the path given to %s", field).startsWith("/").doesNotStartWith("//")
                        .doesNotContain("\\");
                assertThat(path.replaceAll("(?i)%2e", ".").split("/")).as("the segments of %s", path)
                        .doesNotContain("..", ".");
            } else {
                answer.statusCode(400).body("field", org.hamcrest.Matchers.oneOf("slug", "permalink"));
            }
        }
    }

    @Test
    void aSlugThatIsAPathIsRefusedAsTheSecurityNotesSay() {
        for (String slug : new String[] {"../../../etc/x", "a/b", "..", ".", "back\\slash", "be\u0007ll"}) {
            var answer = create(author, "---\ntitle: Climb\nslug: \"" + slug.replace("\\", "\\\\")
                    .replace("\u0007", "\\a") + "\"\n---\nx\n").extract();
            assertThat(answer.statusCode()).as("the slug %s", slug).isEqualTo(400);
            assertThat(answer.<String>path("field")).as("the slug %s", slug).isEqualTo("slug");
            assertThat(answer.<String>path("error")).contains("not one segment of an address");
        }
        author.given().contentType("application/json").body(Map.of("fields", Map.of("title", "Climb", "slug",
                "../../../etc/x", "body", "x"))).post("/api/admin/posts").then().statusCode(400)
                .body("field", equalTo("slug"));
        // Dots inside a slug are a version number, not a path.
        create(author, "---\ntitle: Release\nslug: v1..2-" + UUID.randomUUID() + "\n---\nx\n").statusCode(201);
    }

    @Test
    void fieldsOverTheirLimitAreRefusedNamingTheFieldAndTheLimitThroughEveryWayIn() {
        String longTitle = "T".repeat(501);
        String longTag = "t".repeat(201);
        for (String[] field : new String[][] {{"title", "title: " + longTitle}, {"tags", "tags: [" + longTag + "]"},
                {"tags", "tags: [" + "标".repeat(101) + "]"}, {"slug", "slug: " + "s".repeat(201)},
                {"category", "category: " + "c".repeat(201)},
                {"description", "description: " + "d".repeat(5_001)}}) {
            String source = "---\n" + (field[0].equals("title") ? "" : "title: Limits\n") + field[1] + "\n---\nx\n";
            create(author, source).statusCode(400).body("field", equalTo(field[0]))
                    .body("error", containsString("at most"));
            author.given().contentType("text/markdown").body(source.getBytes(StandardCharsets.UTF_8))
                    .post("/api/admin/posts").then().statusCode(400).body("field", equalTo(field[0]));
            save(keptId, source).statusCode(400).body("field", equalTo(field[0]));
        }
        author.given().contentType("application/json").body(Map.of("fields", Map.of("title", longTitle, "body", "x")))
                .post("/api/admin/posts").then().statusCode(400).body("field", equalTo("title"))
                .body("error", containsString("at most 500"));
        author.given().contentType("application/json").body(Map.of("fields", Map.of("title", "Tags", "tags",
                List.of(longTag), "body", "x"))).post("/api/admin/posts").then().statusCode(400)
                .body("field", equalTo("tags"));
        // A long title without a slug still saves: the slug made from it is cut at a word.
        String wordy = "A title of many words ".repeat(22).strip();
        String slug = create(author, "---\ntitle: " + wordy + "\n---\nx\n").statusCode(201).extract().path("slug");
        assertThat(slug.length()).isLessThanOrEqualTo(100);
        assertThat(org.quire.core.site.Slugs.slugify(wordy)).as("cut where a word ends").startsWith(slug + "-");
    }

    @Test
    void anAvatarGoesThroughTheSamePixelLimitAsEveryUpload() throws IOException {
        byte[] fiftyMegapixels = blackPng(10_000, 5_000);
        assertThat(fiftyMegapixels.length).as("small enough for the avatar's 2 MiB").isLessThan(2 * 1024 * 1024);
        String avatar = author.given().multiPart("file", "huge.png", fiftyMegapixels, "image/png")
                .put("/api/admin/me/avatar").then().statusCode(400).extract().path("error");
        String upload = author.given().multiPart("file", "huge.png", fiftyMegapixels, "image/png")
                .post("/api/admin/media").then().statusCode(400).extract().path("error");
        assertThat(avatar).contains("huge.png").contains("pixels").as("the one refusal of every upload")
                .isEqualTo(upload);
        author.given().get("/api/admin/me").then().statusCode(200);
        assertThat(author.given().get("/api/admin/me/profile").then().extract().<String>path("avatarUrl")).isNull();
    }

    /** A valid PNG of one grey level, {@code width} × {@code height}: a few kilobytes however many pixels. */
    private static byte[] blackPng(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (var deflater = new java.util.zip.DeflaterOutputStream(compressed)) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < height; y++) {
                deflater.write(row);
            }
        }
        chunk(png, "IDAT", compressed.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(type.getBytes(StandardCharsets.US_ASCII));
        png.write(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aTagCoverOrAnInvitedNameOverItsColumnIsA400() {
        Session editor = TestAccounts.signedIn(Role.EDITOR);
        editor.given().contentType("application/json").body(Map.of("coverPath", "x/".repeat(300)))
                .patch("/api/admin/tags/safety").then().statusCode(400).body("field", equalTo("coverPath"));
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String handle = "long-" + UUID.randomUUID().toString().substring(0, 8);
        admin.given().contentType("application/json").body(Map.of("handle", handle, "email", handle + "@example.test",
                "displayName", "N".repeat(300), "role", "author")).post("/api/admin/users").then().statusCode(400)
                .body("error", containsString("displayName"));
    }

    @Test
    void aTenMegabyteTitleIsRefusedAtOnceAndNothingIsStored() {
        String huge = "x".repeat(10 * 1024 * 1024);
        long posts = postCount();
        for (boolean asFields : new boolean[] {false, true}) {
            long started = System.nanoTime();
            var request = author.given().contentType("application/json");
            ValidatableResponse answer = (asFields
                    ? request.body(Map.of("fields", Map.of("title", huge, "slug", "ten-mb", "body", "x")))
                    : request.body(Map.of("source", "---\ntitle: " + huge + "\nslug: ten-mb\n---\nx\n")))
                    .post("/api/admin/posts").then();
            answer.statusCode(400).body("field", org.hamcrest.Matchers.oneOf("title", "frontMatter"))
                    .body("error", org.hamcrest.Matchers.not(containsString("already used")));
            // Only a guard against the minute it took: how fast is for bench/, not for a test.
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration
                    .ofSeconds(10));
        }
        assertThat(postCount()).isEqualTo(posts);
    }

    @Test
    void aNulCharacterIsRefusedNamingItsLineOnEveryDatabase() {
        String source = "---\ntitle: Nul\n---\nFirst.\nSecond \u0000 here.\n";
        create(author, source).statusCode(400).body("field", equalTo("source"))
                .body("error", containsString("line 5")).body("error", containsString("U+0000"));
        save(keptId, source).statusCode(400).body("field", equalTo("source"));
        author.given().contentType("application/json").body(Map.of("source", source, "version", version(keptId)))
                .put("/api/admin/posts/" + keptId + "/autosave").then().statusCode(400);
    }

    @Test
    void frontMatterThatCannotBeReadIsRefusedWithItsLineAndNeverStoredAsPost() {
        long posts = postCount();
        for (String broken : new String[] {"title: Fine\ntags: [one, two\nauthor: someone",
                "title: Loop\nx: &x [*x]", "- a list\n- not a mapping", "title: \"unclosed"}) {
            String source = "---\n" + broken + "\n---\nBody.\n";
            create(author, source).statusCode(400).body("field", equalTo("frontMatter"))
                    .body("error", containsString("line "));
            save(keptId, source).statusCode(400).body("field", equalTo("frontMatter"));
        }
        create(author, "---\ntitle: Never closed\nBody.\n").statusCode(400).body("field", equalTo("frontMatter"))
                .body("error", containsString("never closed"));
        assertThat(postCount()).isEqualTo(posts);
        // Two unreadable posts in a row no longer collide on a slug "post" that neither asked for.
        create(author, "---\ntitle: Next\nslug: next-" + UUID.randomUUID() + "\n---\nFine.\n").statusCode(201);
    }

    @Test
    void aDuplicateSlugIsRefusedAndTheFirstPostKeepsIt() {
        String slug = source(keptId).lines().filter(l -> l.startsWith("slug: ")).findFirst().orElseThrow()
                .substring(6);
        create(author, "---\ntitle: Usurper\nslug: " + slug + "\n---\nMine now.\n").statusCode(409)
                .body("field", equalTo("slug")).body("error", containsString("Kept safe"));
        long other = id(create(author, "---\ntitle: Other\nslug: other-" + UUID.randomUUID() + "\n---\nx\n")
                .statusCode(201));
        save(other, "---\ntitle: Other\nslug: " + slug + "\n---\nx\n").statusCode(409).body("field",
                equalTo("slug"));
    }

    @Test
    void invalidDatesAreRefusedNamingTheField() {
        for (String date : new String[] {"2024-13-45", "2024-02-30 10:00:00", "yesterday", "2024-05-01 25:61:00",
                "99999-01-01", "2024-05-01 10:00:00 +9999"}) {
            create(author, "---\ntitle: When\nslug: when-" + UUID.randomUUID() + "\ndate: " + date + "\n---\nx\n")
                    .statusCode(400).body("field", equalTo("date")).body("error", containsString(date));
            save(keptId, "---\ntitle: Kept safe\ndate: " + date + "\n---\nChanged.\n").statusCode(400)
                    .body("field", equalTo("date"));
        }
    }

    @Test
    void oversizedAndTruncatedUploadsAreRefusedAndLeaveNothing() throws IOException {
        int mediaBefore = mediaCount();
        byte[] png = TestImages.screenshot(800, 600);
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        author.given().multiPart("file", "half.png", truncated, "image/png").post("/api/admin/media").then()
                .statusCode(400).body("error", containsString("half.png"));
        byte[] tooBig = Arrays.copyOf(png, 21 * 1024 * 1024);
        author.given().multiPart("file", "big.png", tooBig, "image/png").post("/api/admin/media").then()
                .statusCode(413).body("error", containsString("big.png")).body("error", containsString("limit"));
        String boundary = "quire" + UUID.randomUUID();
        byte[] form = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(png, 30 * 1024 * 1024), ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Answer over = sendLarge("/api/admin/media", "multipart/form-data; boundary=" + boundary, form);
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.body()).contains("at most").doesNotContain("Exception");
        assertThat(mediaCount()).isEqualTo(mediaBefore);
    }

    @Test
    void archivesAndJarsWithEntriesOutsideThemselvesAreRefused() throws IOException {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "evil.jar", PluginJarBuilder.withEntry("../../outside.txt", "x"),
                "application/java-archive").post("/api/admin/plugins").then().statusCode(400)
                .body("error", containsString("evil.jar")).body("error", containsString("outside"));
        byte[] site = zip("_posts/2024-01-01-fine.md", "---\ntitle: Fine\n---\nx\n",
                "../../../escaped.md", "---\ntitle: Escaped\n---\nx\n");
        String answer = admin.given().multiPart("file", "site.zip", site, "application/zip")
                .post("/api/admin/import").then().extract().asString();
        assertThat(answer).contains("../../../escaped.md").doesNotContain("Exception");
    }

    record Answer(int status, String body) {
    }

    /**
     * A body too large for RestAssured, which retries on the broken pipe a refusal causes, sent as curl sends one:
     * announcing its length and waiting for the server's go-ahead (JDK 17's HttpClient hangs on a refusal there).
     */
    private Answer sendLarge(String path, String contentType, byte[] body) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + body.length + "\r\nExpect: 100-continue\r\nCookie: "
                    + AccessFilter.SESSION_COOKIE + "=" + author.token() + "\r\n" + AccessFilter.CSRF_HEADER + ": "
                    + author.csrf() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            String head = readHead(in);
            if (head.startsWith("HTTP/1.1 100")) {
                out.write(body);
                out.flush();
                head = readHead(in);
            }
            int status = Integer.parseInt(head.substring(9, 12));
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *([0-9]+)")
                    .matcher(head);
            byte[] answer = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
            return new Answer(status, new String(answer, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(java.io.InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection after: " + head);
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static String buildIndentedList(int levels) {
        StringBuilder list = new StringBuilder();
        for (int level = 0; level < levels; level++) {
            list.append(" ".repeat(level * 2)).append("- level ").append(level).append('\n');
        }
        return list.toString();
    }

    private static byte[] zip(String... namesAndTexts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private ValidatableResponse create(Session session, String source) {
        return session.given().contentType("application/json").body(Map.of("source", source))
                .post("/api/admin/posts").then();
    }

    private ValidatableResponse save(long id, String source) {
        return author.given().contentType("application/json").body(Map.of("source", source, "version",
                version(id))).put("/api/admin/posts/" + id).then();
    }

    private static long id(ValidatableResponse created) {
        return ((Number) created.extract().path("id")).longValue();
    }

    private long version(long id) {
        return ((Number) author.given().get("/api/admin/posts/" + id).then().statusCode(200).extract()
                .path("version")).longValue();
    }

    private String path(long id) {
        return author.given().get("/api/admin/posts/" + id).then().statusCode(200).extract().path("path");
    }

    private String source(long id) {
        return author.given().get("/api/admin/posts/" + id + "/source").then().statusCode(200).extract().asString();
    }

    private long postCount() {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.ResultSet rows = connection.createStatement().executeQuery("select count(*) from post")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int mediaCount() {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.ResultSet rows = connection.createStatement().executeQuery("select count(*) from media_file")) {
            rows.next();
            return rows.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
