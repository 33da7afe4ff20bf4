package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.plugins.records.HostRecords;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.accounts.TestAccounts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Installed plugins and API 1.4: a plugin jar that keeps records writes them from its events, shows what it uses
 * before it is turned on, and keeps its records when removed unless the administrator deletes them; a jar built
 * against API 1.3, kept as a fixture, still installs and runs.
 */
@QuarkusTest
@TestProfile(PluginInstallTest.OwnPlugins.class)
class PluginRecordsInstallTest {

    @Inject
    HostRecords records;

    private static Session admin() {
        return TestAccounts.signedIn(Role.ADMINISTRATOR);
    }

    private static io.restassured.response.Response install(Session admin, String name, byte[] jar) {
        return admin.given().multiPart("file", name, jar, "application/java-archive").post("/api/admin/plugins");
    }

    private static String publish(String markdown) {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        long id = ((Number) author.given().contentType("application/json")
                .body(Map.of("fields", Map.of("title", "Records " + UUID.randomUUID().toString().substring(0, 8),
                        "body", markdown)))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        return author.given().get("/api/admin/posts/" + id).then().extract().path("path");
    }

    /** Events reach plugins on a background thread: wait for the count, up to ten seconds. */
    private long publishedLogged(long expected) throws InterruptedException {
        long count = 0;
        for (int i = 0; i < 100; i++) {
            count = records.counts("pub-log").getOrDefault("published", 0L);
            if (count == expected) {
                return count;
            }
            Thread.sleep(100);
        }
        return count;
    }

    @Test
    void aPluginKeepsRecordsThatOutliveItsRemovalUnlessTheAdministratorDeletesThem() throws Exception {
        Session admin = admin();
        install(admin, "pub-log.jar", publicationLogJar()).then().statusCode(201)
                .body("enabled", equalTo(false)).body("uses.capabilities", hasItem("RECORDS"));
        org.jsoup.nodes.Document page = Jsoup.parse(admin.given().get("/admin/plugins").then().statusCode(200)
                .extract().asString());
        assertThat(page.select("#plugin-pub-log .plugin-uses").text()).as("shown before it is turned on")
                .contains("records of its own in the site's database");
        assertThat(page.select("#plugin-pub-log form[action$=/remove] input[name=records][value=delete]"))
                .as("removing it may delete its records").hasSize(1);
        admin.given().post("/api/admin/plugins/pub-log/enable").then().statusCode(200).body("running", equalTo(true));
        publish("First.");
        assertThat(publishedLogged(1)).isEqualTo(1);

        admin.given().delete("/api/admin/plugins/pub-log?records=maybe").then().statusCode(400)
                .body("error", containsString("records must be 'keep' or 'delete', not 'maybe'"));
        Path workFolder = Path.of("target/test-data/plugin-work/pub-log");
        assertThat(workFolder.resolve("started")).as("its working folder").hasContent("yes");
        admin.given().delete("/api/admin/plugins/pub-log").then().statusCode(204);
        assertThat(records.counts("pub-log")).as("kept by default").containsEntry("published", 1L);
        assertThat(workFolder).as("a working folder goes with its plugin").doesNotExist();

        install(admin, "pub-log.jar", publicationLogJar()).then().statusCode(201);
        admin.given().post("/api/admin/plugins/pub-log/enable").then().statusCode(200);
        publish("Second.");
        assertThat(publishedLogged(2)).as("the kept record and a new one").isEqualTo(2);

        admin.given().delete("/api/admin/plugins/pub-log?records=delete").then().statusCode(204);
        assertThat(records.counts("pub-log")).isEmpty();
    }

    @Test
    void aJarBuiltAgainstApi13StillInstallsAndRuns() throws Exception {
        Session admin = admin();
        byte[] jar;
        try (var in = PluginRecordsInstallTest.class.getResourceAsStream(
                "/plugin-fixtures/callouts-built-against-api-1.3.jar")) {
            assertThat(in).as("the fixture jar").isNotNull();
            jar = in.readAllBytes();
        }
        install(admin, "callouts-api-1.3.jar", jar).then().statusCode(201).body("id", equalTo("callouts"))
                .body("uses.capabilities", org.hamcrest.Matchers.empty());
        try {
            admin.given().post("/api/admin/plugins/callouts/enable").then().statusCode(200)
                    .body("running", equalTo(true));
            String post = publish("> [!WARNING]\n> Built long ago.\n");
            assertThat(Jsoup.parse(given().get(post).then().statusCode(200).extract().asString())
                    .select("div.callout.callout-warning").text()).contains("Built long ago.");
        } finally {
            admin.given().delete("/api/admin/plugins/callouts").then().statusCode(204);
        }
        assertThat(Files.exists(Path.of("target/test-plugins/callouts.jar"))).isFalse();
    }

    /** Logs each published post as a record keyed by its id (API 1.4). */
    private static byte[] publicationLogJar() {
        return new PluginJarBuilder().source("com.example.PublicationLog", """
                package com.example;

                import java.util.Map;
                import org.quire.api.*;
                import org.quire.api.records.*;

                public final class PublicationLog implements QuirePlugin {
                    private PluginContext context;

                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("pub-log").name("Publication log").version("1.0")
                                .requiredApi("[1.4,2.0)")
                                .collection(CollectionDefinition.named("published").indexString("path"))
                                .build();
                    }

                    @Override
                    public void start(PluginContext context) {
                        this.context = context;
                        try {
                            java.nio.file.Files.writeString(context.workFolder().resolve("started"), "yes");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }

                    @Override
                    public void onEvent(SiteEvent event) {
                        if (event instanceof SiteEvent.PostPublished published) {
                            context.records().collection("published").put(published.post().id(),
                                    Map.of("path", published.post().path(), "title", published.post().title()));
                        }
                    }
                }
                """).service("com.example.PublicationLog").build();
    }
}
