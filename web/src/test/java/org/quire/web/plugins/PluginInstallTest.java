package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Plugins installed, turned on and off, configured and removed while the server runs, through the admin API: the
 * example plugin's jar (plugins/examples/callouts, built by the reactor, not a dependency of web) changes a post
 * and serves a route only while on, its settings show at once, and removing it deletes its jar so it can be
 * installed again. Jars that are not plugins, reach into Quire's internals, need another API, fail to start or
 * fail while rendering are refused or turned off with a message that says which and why.
 */
@QuarkusTest
@TestProfile(PluginInstallTest.OwnPlugins.class)
class PluginInstallTest {

    @jakarta.inject.Inject
    PluginRuntime plugins;

    @jakarta.inject.Inject
    org.quire.web.media.MediaStore media;

    static final Path PLUGINS = Path.of("target/test-plugins").toAbsolutePath();

    /** A site and a plugins folder of its own, emptied before the application starts. */
    public static class OwnPlugins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (Files.exists(PLUGINS)) {
                try (Stream<Path> files = Files.walk(PLUGINS)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Map.of("quire.database.url", "jdbc:h2:mem:quire-plugins;DB_CLOSE_DELAY=-1",
                    "quire.plugins.dir", PLUGINS.toString(),
                    "quire.plugins.failure-limit", "3",
                    // Plugin work (PluginWorkInstallTest) polled and retried quickly.
                    "quire.work.poll", "1s", "quire.work.first-poll", "200ms", "quire.work.retry-base", "100ms",
                    // Reader input (PluginInputTest): a static copy of the site elsewhere may post its forms.
                    "quire.input.allowed-origins", "https://static.example.org");
        }
    }

    private static byte[] exampleJar() throws IOException {
        String location = System.getProperty("quire.test.example-plugin-jar");
        Path jar = location == null ? null : Path.of(location);
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("The example plugin's jar '" + location + "' is missing: build it with"
                    + " ./mvnw package -pl plugins/examples/callouts (./mvnw verify from the top builds it first)");
        }
        return Files.readAllBytes(jar);
    }

    private static Session admin() {
        return TestAccounts.signedIn(Role.ADMINISTRATOR);
    }

    private static io.restassured.response.Response install(Session admin, String name, byte[] jar) {
        return admin.given().multiPart("file", name, jar, "application/java-archive").post("/api/admin/plugins");
    }

    private static String publish(String markdown) {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = "Plugin post " + UUID.randomUUID().toString().substring(0, 8);
        long id = ((Number) author.given().contentType("application/json")
                .body(Map.of("fields", Map.of("title", title, "body", markdown)))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        return author.given().get("/api/admin/posts/" + id).then().extract().path("path");
    }

    private static Document page(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    @Test
    void theExamplePluginIsInstalledEnabledConfiguredDisabledRemovedAndInstalledAgain() throws Exception {
        Session admin = admin();
        String post = publish("Before.\n\n> [!TIP]\n> Restart nothing.\n");

        install(admin, "quire-example-callouts.jar", exampleJar()).then().statusCode(201)
                .body("id", equalTo("callouts")).body("builtIn", equalTo(false)).body("enabled", equalTo(false))
                .body("jar", equalTo("callouts.jar"));
        assertThat(PLUGINS.resolve("callouts.jar")).exists();
        assertThat(page(post).select("div.callout")).as("installed plugins start turned off").isEmpty();
        given().get("/callouts/").then().statusCode(404);

        admin.given().post("/api/admin/plugins/callouts/enable").then().statusCode(200)
                .body("enabled", equalTo(true)).body("running", equalTo(true));
        assertThat(page(post).select("div.callout.callout-tip > p.callout-title").text()).isEqualTo("Tip");
        assertThat(page(post).select("div.callout-tip").text()).contains("Restart nothing.");
        given().get("/callouts/").then().statusCode(200).body(containsString("[!TIP]"));

        admin.given().contentType("application/json").body(Map.of("label-tip", "Astuce"))
                .put("/api/admin/plugins/callouts/settings").then().statusCode(200)
                .body("settings.find { it.key == 'label-tip' }.value", equalTo("Astuce"));
        assertThat(page(post).select("p.callout-title").text()).isEqualTo("Astuce");
        given().get("/callouts/").then().statusCode(200).body(containsString("Astuce"));
        admin.given().contentType("application/json").body(Map.of("label-tip", " "))
                .put("/api/admin/plugins/callouts/settings").then().statusCode(400)
                .body("error", containsString("label-tip"));
        admin.given().contentType("application/json").body(Map.of("colour", "red"))
                .put("/api/admin/plugins/callouts/settings").then().statusCode(400)
                .body("error", containsString("no setting 'colour'"));

        admin.given().post("/api/admin/plugins/callouts/disable").then().statusCode(200)
                .body("enabled", equalTo(false)).body("running", equalTo(false));
        assertThat(page(post).select("div.callout")).isEmpty();
        assertThat(page(post).select("blockquote").text()).contains("Restart nothing.");
        given().get("/callouts/").then().statusCode(404);

        admin.given().post("/api/admin/plugins/callouts/enable").then().statusCode(200);
        assertThat(page(post).select("p.callout-title").text()).as("settings kept while off").isEqualTo("Astuce");

        admin.given().delete("/api/admin/plugins/callouts").then().statusCode(204);
        assertThat(PLUGINS.resolve("callouts.jar")).doesNotExist();
        admin.given().get("/api/admin/plugins/callouts").then().statusCode(404);
        assertThat(page(post).select("div.callout")).isEmpty();
        given().get("/callouts/").then().statusCode(404);

        install(admin, "callouts-again.jar", exampleJar()).then().statusCode(201).body("enabled", equalTo(false));
        admin.given().post("/api/admin/plugins/callouts/enable").then().statusCode(200);
        assertThat(page(post).select("p.callout-title").text()).as("a removed plugin's settings go with it")
                .isEqualTo("Tip");
        admin.given().delete("/api/admin/plugins/callouts").then().statusCode(204);
    }

    @Test
    void badJarsAreRefusedSayingWhichAndWhyAndNothingIsLeftBehind() throws Exception {
        Session admin = admin();
        install(admin, "notes.jar", "just text".getBytes()).then().statusCode(400)
                .body("error", containsString("'notes.jar' is not a readable jar"));
        install(admin, "empty.jar", new PluginJarBuilder().resource("readme.txt", "hi").build()).then().statusCode(400)
                .body("error", containsString("'empty.jar' is not a Quire plugin"))
                .body("error", containsString("META-INF/services/org.quire.api.QuirePlugin"));
        install(admin, "evil.jar", PluginJarBuilder.withEntry("../../outside.txt", "x")).then().statusCode(400)
                .body("error", containsString("'../../outside.txt' that points outside the jar"));
        install(admin, "missing.jar", new PluginJarBuilder().service("com.example.Missing").build()).then()
                .statusCode(400).body("error", containsString("cannot be loaded"))
                .body("error", containsString("com.example.Missing"));

        // Compiled against the web application, but at run time the plugin sees only the API.
        byte[] nosy = new PluginJarBuilder().compileAgainst(Path.of("target/classes"))
                .source("com.example.Nosy", plugin("Nosy", "nosy", "[1.0,2.0)",
                        "org.quire.web.plugins.PluginRuntime.externalJarsSupported();"))
                .service("com.example.Nosy").build();
        install(admin, "nosy.jar", nosy).then().statusCode(400)
                .body("error", containsString("'nosy.jar'")).body("error", containsString("failed to start"))
                .body("error", containsString("org/quire/web/plugins/PluginRuntime"));

        byte[] future = new PluginJarBuilder().source("com.example.Future", plugin("Future", "future", "[2.0,3.0)", ""))
                .service("com.example.Future").build();
        install(admin, "future.jar", future).then().statusCode(400)
                .body("error", containsString("requires plugin API [2.0,3.0)"));

        byte[] taken = new PluginJarBuilder().source("com.example.Images", plugin("Images", "images", "[1.0,2.0)", ""))
                .service("com.example.Images").build();
        install(admin, "images.jar", taken).then().statusCode(400)
                .body("error", containsString("belongs to a built-in plugin"));

        try (Stream<Path> left = Files.list(PLUGINS)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("nothing left in the plugins folder")
                    .noneMatch(name -> name.endsWith(".jar") || name.endsWith(".part"));
        }
        admin.given().delete("/api/admin/plugins/images").then().statusCode(409)
                .body("error", containsString("built in"));
        TestAccounts.signedIn(Role.EDITOR).given().get("/api/admin/plugins").then().statusCode(403);
    }

    @Test
    void aJarWithTheIdOfAnInstalledPluginUpgradesItKeepingItsStateAndSettings() throws Exception {
        Session admin = admin();
        String post = publish("Versions: VERSION.\n");
        // Version 1 dropped into the folder under a name of its own, as an administrator may copy it there.
        Files.createDirectories(PLUGINS);
        Files.write(PLUGINS.resolve("stamp-1.0.0.jar"), stampJar("1.0.0", "one"));
        admin.given().get("/api/admin/plugins").then().statusCode(200)
                .body("plugins.find { it.id == 'stamp' }.version", equalTo("1.0.0"))
                .body("plugins.find { it.id == 'stamp' }.enabled", equalTo(false));
        admin.given().post("/api/admin/plugins/stamp/enable").then().statusCode(200);
        admin.given().contentType("application/json").body(Map.of("suffix", "!"))
                .put("/api/admin/plugins/stamp/settings").then().statusCode(200);
        assertThat(page(post).select("article p, main p").text()).contains("Versions: one!.");

        install(admin, "stamp-2.jar", stampJar("2.0.0", "two")).then().statusCode(201)
                .body("version", equalTo("2.0.0")).body("enabled", equalTo(true)).body("running", equalTo(true))
                .body("settings.find { it.key == 'suffix' }.value", equalTo("!"));
        assertThat(page(post).select("article p, main p").text()).contains("Versions: two!.");
        try (Stream<Path> jars = Files.list(PLUGINS)) {
            assertThat(jars.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")))
                    .as("the old version's jar is gone, so a restart cannot bring it back").containsExactly("stamp.jar");
        }
        admin.given().delete("/api/admin/plugins/stamp").then().statusCode(204);
    }

    @Test
    void reconcilingFetchesAJarChangedInTheSharedStoreAndLeavesAnUnchangedOneAlone() throws Exception {
        Session admin = admin();
        install(admin, "stamp.jar", stampJar("1.0.0", "first")).then().statusCode(201);
        try {
            admin.given().post("/api/admin/plugins/stamp/enable").then().statusCode(200);
            assertThat(page(publish("Kept: VERSION.\n")).select("article p, main p").text()).contains("Kept: first.");
            Path jar = PLUGINS.resolve("stamp.jar");
            java.nio.file.attribute.FileTime installedAt = Files.getLastModifiedTime(jar);

            plugins.reconcile();
            assertThat(Files.getLastModifiedTime(jar)).as("the same jar as the store's is not fetched again")
                    .isEqualTo(installedAt);

            // Another instance upgraded the plugin (and rendered the posts again), and its signal never arrived:
            // only the store says so.
            media.store(org.quire.web.media.MediaStore.PLUGIN_JARS + "stamp.jar",
                    new java.io.ByteArrayInputStream(stampJar("1.1.0", "second")), "application/java-archive",
                    "stamp.jar", null);
            plugins.reconcile();
            admin.given().get("/api/admin/plugins/stamp").then().statusCode(200).body("version", equalTo("1.1.0"))
                    .body("running", equalTo(true));
            assertThat(page(publish("Kept: VERSION.\n")).select("article p, main p").text())
                    .contains("Kept: second.");
        } finally {
            admin.given().delete("/api/admin/plugins/stamp").then().statusCode(204);
        }
    }

    /** A plugin that replaces VERSION in posts with its own word and a suffix from its settings. */
    private static byte[] stampJar(String version, String word) {
        return new PluginJarBuilder().source("com.example.Stamp", """
                package com.example;

                import java.util.List;
                import org.quire.api.*;

                public final class Stamp implements QuirePlugin {
                    private PluginContext context;

                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("stamp").name("Stamp").version("%s").requiredApi("[1.0,2.0)")
                                .setting(SettingDefinition.of("suffix", SettingType.STRING, "", "After the word"))
                                .build();
                    }

                    @Override
                    public void start(PluginContext context) {
                        this.context = context;
                    }

                    @Override
                    public List<DocumentTransform> documentTransforms() {
                        return List.of(new DocumentTransform() {
                            @Override
                            public String transformHtml(String html, TransformContext ignored) {
                                return html.replace("VERSION", "%s" + context.settings().get("suffix"));
                            }
                        });
                    }
                }
                """.formatted(version, word)).service("com.example.Stamp").build();
    }

    @Test
    void aPluginThatKeepsFailingIsSkippedThenTurnedOffWithTheReasonShown() throws Exception {
        Session admin = admin();
        byte[] faulty = new PluginJarBuilder()
                .source("com.example.Faulty", """
                        package com.example;

                        import java.util.List;
                        import org.quire.api.*;

                        public final class Faulty implements QuirePlugin {
                            @Override
                            public PluginDescriptor descriptor() {
                                return PluginDescriptor.builder("faulty").name("Faulty").version("0.1")
                                        .requiredApi("[1.0,2.0)").build();
                            }

                            @Override
                            public List<DocumentTransform> documentTransforms() {
                                return List.of(new DocumentTransform() {
                                    @Override
                                    public String transformHtml(String html, TransformContext context) {
                                        if (html.contains("faulty-trigger")) {
                                            throw new IllegalStateException("faulty cannot cope");
                                        }
                                        return html;
                                    }
                                });
                            }
                        }
                        """)
                .service("com.example.Faulty").build();
        install(admin, "faulty.jar", faulty).then().statusCode(201);
        admin.given().post("/api/admin/plugins/faulty/enable").then().statusCode(200).body("running", equalTo(true));

        Session author = TestAccounts.signedIn(Role.AUTHOR);
        for (int i = 0; i < 3; i++) {
            // The failing plugin is skipped: the text still renders.
            author.given().contentType("application/json").body(Map.of("source", "---\ntitle: Try " + i
                    + "\n---\nStill *here*, faulty-trigger " + i + ".\n")).post("/api/admin/posts/preview").then()
                    .statusCode(200).body(containsString("<em>here</em>"));
            if (i == 0) {
                admin.given().get("/api/admin/plugins/faulty").then().body("running", equalTo(true))
                        .body("notices[0].message", containsString("faulty cannot cope"));
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Boolean.TRUE.equals(admin.given().get("/api/admin/plugins/faulty").then().extract().path("running"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        admin.given().get("/api/admin/plugins/faulty").then().statusCode(200)
                .body("enabled", equalTo(false)).body("running", equalTo(false))
                .body("disabledReason", containsString("Turned off by Quire after 3 failures"))
                .body("disabledReason", containsString("faulty cannot cope"))
                .body("notices[0].stage", equalTo("render"));
        admin.given().delete("/api/admin/plugins/faulty").then().statusCode(204);
    }

    @Test
    void thePluginsPageInstallsConfiguresTurnsOffAndRemovesWithAFormPerSetting() throws Exception {
        Session admin = admin();
        String post = publish("> [!NOTE]\n> From the page.\n");
        String empty = admin.given().accept("text/html").get("/admin/plugins").then().statusCode(200).extract().asString();
        assertThat(org.quire.web.publicsite.NuHtmlCheckerAccess.errors(empty)).as("Nu HTML Checker").isEmpty();
        assertThat(empty).contains("id=\"plugin-images\"").contains("name=\"setting.widths\"")
                .contains("name=\"setting.placeholder-colour\"").contains("<option value=\"true\" selected>");

        // An upload form carries the CSRF token as its first field, as a browser sends it.
        String installed = admin.givenWithoutCsrf().accept("text/html").multiPart("_csrf", admin.csrf())
                .multiPart("file", "callouts.jar", exampleJar(), "application/java-archive")
                .post("/admin/plugins/install").then().statusCode(200).extract().asString();
        assertThat(installed).contains("Plugin callouts installed").contains("id=\"plugin-callouts\"")
                .contains("name=\"setting.label-note\"");
        assertThat(org.quire.web.publicsite.NuHtmlCheckerAccess.errors(installed)).isEmpty();

        form(admin, "/admin/plugins/callouts/enable", Map.of()).then().statusCode(200);
        form(admin, "/admin/plugins/callouts/settings", Map.of("setting.label-note", "Remarque")).then().statusCode(200)
                .body(containsString("Settings of callouts saved"));
        assertThat(page(post).select("p.callout-title").text()).isEqualTo("Remarque");
        String refused = form(admin, "/admin/plugins/callouts/settings", Map.of("setting.label-note", ""))
                .then().statusCode(400).extract().asString();
        assertThat(Jsoup.parse(refused).select("[role=alert]").text()).contains("label-note");

        form(admin, "/admin/plugins/callouts/disable", Map.of()).then().statusCode(200);
        assertThat(page(post).select("div.callout")).isEmpty();
        form(admin, "/admin/plugins/images/remove", Map.of()).then().statusCode(409);
        form(admin, "/admin/plugins/callouts/remove", Map.of()).then().statusCode(200)
                .body(containsString("Plugin callouts removed"));
        assertThat(PLUGINS.resolve("callouts.jar")).doesNotExist();

        String chinese = admin.given().accept("text/html").header("Accept-Language", "zh-CN").get("/admin/plugins")
                .then().statusCode(200).extract().asString();
        assertThat(chinese).contains("安装或升级插件");
        TestAccounts.signedIn(Role.EDITOR).given().accept("text/html").get("/admin/plugins").then().statusCode(403);
    }

    private static io.restassured.response.Response form(Session session, String path, Map<String, ?> fields) {
        return session.givenWithoutCsrf().accept("text/html")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("_csrf", session.csrf())
                .formParams(fields).post(path);
    }

    /** A minimal plugin class whose start runs {@code onStart}. */
    @Test
    void pluginCodeThatThrowsAnErrorOrHangsIsRefusedWithTheReasonAndNeverA500() throws Exception {
        Session admin = admin();
        String errorInDescriptor = """
                package com.example;

                import org.quire.api.*;

                public final class Broken implements QuirePlugin {
                    @Override
                    public PluginDescriptor descriptor() {
                        throw new AssertionError("descriptor exploded");
                    }

                    @Override
                    public void start(PluginContext context) {
                    }
                }
                """;
        install(admin, "broken.jar", new PluginJarBuilder().source("com.example.Broken", errorInDescriptor)
                .service("com.example.Broken").build()).then().statusCode(400)
                .body("error", containsString("'broken.jar'")).body("error", containsString("descriptor exploded"));

        install(admin, "stack.jar", new PluginJarBuilder().source("com.example.Stack", plugin("Stack", "stack",
                "[1.0,2.0)", "throw new StackOverflowError(\"deep start\");")).service("com.example.Stack").build())
                .then().statusCode(400).body("error", containsString("failed to start"))
                .body("error", containsString("deep start"));

        String slowConstructor = plugin("Slow", "slow", "[1.0,2.0)", "").replace("public final class Slow implements"
                + " QuirePlugin {", """
                public final class Slow implements QuirePlugin {
                    public Slow() {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                """);
        long started = System.nanoTime();
        install(admin, "slow.jar", new PluginJarBuilder().source("com.example.Slow", slowConstructor)
                .service("com.example.Slow").build()).then().statusCode(400)
                .body("error", containsString("'slow.jar'"))
                .body("error", containsString("did not finish within " + BoundedPluginCall.LIMIT.toSeconds() + " s"));
        // The bound holds the request once, not once per time the plugin's code runs (it ran four times before).
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(BoundedPluginCall.LIMIT
                .multipliedBy(2));
        admin.given().get("/api/admin/plugins/slow").then().statusCode(404);
    }

    private static String plugin(String className, String id, String api, String onStart) {
        return """
                package com.example;

                import org.quire.api.*;

                public final class %s implements QuirePlugin {
                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("%s").name("%s").version("1.0").requiredApi("%s").build();
                    }

                    @Override
                    public void start(PluginContext context) {
                        %s
                    }
                }
                """.formatted(className, id, className, api, onStart);
    }
}
