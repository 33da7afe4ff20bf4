package org.quire.web.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.plugins.PluginJarBuilder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Every path of the site has one owner: the site's own pages, each running plugin's routes, each post's address and
 * old addresses. An author cannot take a feed, a tag page or a core path with a post's permalink or redirect_from.
 */
@QuarkusTest
class SiteAddressOwnershipTest extends DatabaseTest {

    private final Session author = TestAccounts.signedIn(Role.AUTHOR);

    @Test
    void aPermalinkOnAPluginsPathIsRefusedNamingThePluginAndTheFeedStaysAFeed() {
        for (String[] taken : new String[][] {{"/feed.xml", "feeds"}, {"/atom.xml", "feeds"}, {"/feed.json", "feeds"},
                {"/tags/", "tags"}, {"/tags/anything/", "tags"}, {"/aws/", "aws-cards"}, {"/aws/lambda/", "aws-cards"}}) {
            create(post("permalink: \"" + taken[0] + "\"")).statusCode(409).body("field", equalTo("permalink"))
                    .body("error", containsString("The path " + taken[0] + " belongs to the plugin '" + taken[1] + "'"));
        }
        assertThat(given().get("/feed.xml").then().statusCode(200).extract().contentType()).contains("xml");
    }

    @Test
    void aPermalinkOnTheSitesOwnPathsIsRefused() {
        for (String core : List.of("/media/x/", "/q/x/", "/api/content/x/", "/robots.txt", "/sitemap.xml",
                "/authors/someone/", "/admin/sign-in/", "/archive/", "/page/2/", "/")) {
            create(post("permalink: \"" + core + "\"")).statusCode(409).body("field", equalTo("permalink"))
                    .body("error", containsString("belongs to the site itself"));
        }
    }

    @Test
    void redirectFromAPluginsOrTheSitesPathIsRefusedAndNothingIsSaved() {
        String slug = "moved-" + UUID.randomUUID();
        for (String from : List.of("/atom.xml", "/feed.json", "/tags/", "/aws/", "/robots.txt", "/media/old.png")) {
            create(post("slug: " + slug + "\nredirect_from: [/old-" + slug + "/, " + from + "]")).statusCode(409)
                    .body("field", equalTo("redirect_from")).body("error", containsString(from));
        }
        given().redirects().follow(false).get("/old-" + slug + "/").then().statusCode(404);
        given().redirects().follow(false).get("/atom.xml").then().statusCode(200);

        // An update is refused the same way, and the post keeps what it had.
        long id = ((Number) create(post("slug: " + slug)).statusCode(201).extract().path("id")).longValue();
        long version = ((Number) author.given().get("/api/admin/posts/" + id).then().extract().path("version"))
                .longValue();
        author.given().contentType("application/json").body(Map.of("version", version, "source",
                post("slug: " + slug + "\nredirect_from: /feed.xml"))).put("/api/admin/posts/" + id).then()
                .statusCode(409).body("error", containsString("the plugin 'feeds'"));
        author.given().get("/api/admin/posts/" + id).then().body("version", equalTo((int) version));
    }

    @Test
    void aPluginTurnedOnLaterIsToldWhichOfItsPathsAPostHasAndThePostKeepsIt() throws Exception {
        String segment = "later-" + UUID.randomUUID().toString().substring(0, 8);
        long id = ((Number) create(post("permalink: /" + segment + "/\ntitle: Here first")).statusCode(201).extract()
                .path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);

        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String pluginId = "claims-" + segment;
        byte[] jar = new PluginJarBuilder().source("com.example.Claims", claimingPlugin(pluginId, "/" + segment + "/"))
                .service("com.example.Claims").build();
        admin.given().multiPart("file", "claims.jar", jar, "application/java-archive").post("/api/admin/plugins")
                .then().statusCode(201);
        try {
            admin.given().post("/api/admin/plugins/" + pluginId + "/enable").then().statusCode(200)
                    .body("notices.message", org.hamcrest.Matchers.hasItem(containsString("/" + segment
                            + "/, the address of the post 'Here first'; the post keeps it")));
            assertThat(given().get("/" + segment + "/").then().statusCode(200).extract().asString())
                    .contains("Here first").doesNotContain("from the plugin");
            // The post it matched is still saved as usual: it keeps the address it had.
            long version = ((Number) author.given().get("/api/admin/posts/" + id).then().extract().path("version"))
                    .longValue();
            author.given().contentType("application/json").body(Map.of("version", version, "source",
                    post("permalink: /" + segment + "/\ntitle: Here first\nslug: " + author.given()
                            .get("/api/admin/posts/" + id).then().extract().path("slug")))).put("/api/admin/posts/" + id)
                    .then().statusCode(200);
            // Nor may another post take it as an old address now that the plugin runs.
            create(post("slug: second-" + segment + "\nredirect_from: /" + segment + "/")).statusCode(409)
                    .body("field", equalTo("redirect_from")).body("error", containsString("the plugin '" + pluginId
                            + "'"));
        } finally {
            admin.given().delete("/api/admin/plugins/" + pluginId).then().statusCode(204);
        }
    }

    @Test
    void anImportKeepsAPostWhoseOldAddressIsAFeedAndSaysWhatItLeftOut() throws Exception {
        java.nio.file.Path site = java.nio.file.Files.createTempDirectory("quire-claimed-import-");
        String slug = "moved-in-" + UUID.randomUUID().toString().substring(0, 8);
        java.nio.file.Files.createDirectories(site.resolve("_posts"));
        java.nio.file.Files.writeString(site.resolve("_posts/2019-03-04-" + slug + ".md"), "---\ntitle: Moved in\n"
                + "redirect_from: [/feed.xml, /old-" + slug + "/]\n---\nKept.\n");
        var report = io.quarkus.arc.Arc.container().instance(org.quire.web.content.JekyllImport.class).get()
                .importSite(site, done -> { });
        assertThat(report.posts()).singleElement().satisfies(post -> {
            assertThat(post.outcome()).isEqualTo(org.quire.web.content.JekyllImport.Outcome.IMPORTED);
            assertThat(post.messages()).anySatisfy(m -> assertThat(m).contains("redirect_from /feed.xml is not kept")
                    .contains("the plugin 'feeds'"));
        });
        given().redirects().follow(false).get("/old-" + slug + "/").then().statusCode(301);
        assertThat(given().get("/feed.xml").then().statusCode(200).extract().contentType()).contains("xml");
    }

    private static String claimingPlugin(String id, String path) {
        return """
                package com.example;

                import java.util.List;
                import java.util.Optional;
                import org.quire.api.*;

                public final class Claims implements QuirePlugin {
                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("%s").name("Claims").version("1.0").requiredApi("[1.0,2.0)")
                                .build();
                    }

                    @Override
                    public void start(PluginContext context) {
                    }

                    @Override
                    public List<PageRoute> routes() {
                        return List.of(new PageRoute() {
                            public String pattern() { return "%s"; }
                            public List<String> paths() { return List.of("%s"); }
                            public Optional<Page> render(String p) { return Optional.of(Page.html("from the plugin")); }
                        });
                    }
                }
                """.formatted(id, path, path);
    }

    private static String post(String frontMatter) {
        String fields = frontMatter.contains("title:") ? frontMatter : "title: Taken\n" + frontMatter;
        if (!fields.contains("slug:")) {
            fields += "\nslug: taken-" + UUID.randomUUID();
        }
        return "---\n" + fields + "\n---\nMine now.\n";
    }

    private ValidatableResponse create(String source) {
        return author.given().contentType("application/json").body(Map.of("source", source)).post("/api/admin/posts")
                .then();
    }
}
