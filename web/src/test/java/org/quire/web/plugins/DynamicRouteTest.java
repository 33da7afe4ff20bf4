package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A plugin's dynamic GET route (API 1.5), installed as a jar: it sees the query string and {@code Accept}, answers
 * a themed page or JSON, is never cached, refuses a bad request with 400 naming the parameter, answers nothing
 * with the site's 404, and its path is not a post's to take; a dynamic route on the site's own paths is not served.
 */
@QuarkusTest
@TestProfile(PluginInstallTest.OwnPlugins.class)
class DynamicRouteTest {

    @Test
    void aDynamicRouteAnswersFromTheQueryAndAcceptAndIsNeverCached() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "lookup.jar", lookupJar(), "application/java-archive")
                .post("/api/admin/plugins").then().statusCode(201);
        admin.given().post("/api/admin/plugins/lookup/enable").then().statusCode(200);
        try {
            String html = given().queryParam("q", "云计算 & more").get("/lookup/").then().statusCode(200)
                    .header("Cache-Control", "no-store").header("Vary", "Accept")
                    .contentType(containsString("text/html")).extract().asString();
            Document page = Jsoup.parse(html);
            assertThat(page.select("p.lookup").text()).isEqualTo("You asked for 云计算 & more");
            assertThat(page.title()).startsWith("Lookup");
            assertThat(page.select("header, footer")).as("inside the site's layout").isNotEmpty();
            given().queryParam("q", "another").get("/lookup/").then().statusCode(200)
                    .body(containsString("You asked for another"));

            given().header("Accept", "application/json").queryParam("q", "x\"y").get("/lookup/").then()
                    .statusCode(200).contentType(containsString("application/json")).body("asked", equalTo("x\"y"))
                    .header("Vary", "Accept");
            given().get("/lookup/").then().statusCode(400).body(equalTo("Parameter 'q': say what to look up"));
            given().queryParam("q", "nothing").get("/lookup/").then().statusCode(404)
                    .body(containsString("<html"));
            given().queryParam("q", "boom").get("/lookup/").then().statusCode(500)
                    .body(not(containsString("IllegalStateException")));
            given().queryParam("q", "x").head("/lookup/").then().statusCode(200).header("Cache-Control", "no-store")
                    .body(equalTo(""));
            given().get("/robots.txt").then().statusCode(200).body(containsString("Sitemap:"));

            admin.given().get("/api/admin/plugins").then().statusCode(200)
                    .body(containsString("dynamic route /robots.txt is not served"));
            TestAccounts.signedIn(Role.AUTHOR).given().contentType("application/json")
                    .body(Map.of("source", "---\ntitle: Taken\npermalink: \"/lookup/\"\nslug: t-" + UUID.randomUUID()
                            + "\n---\nMine.\n"))
                    .post("/api/admin/posts").then().statusCode(409)
                    .body("error", containsString("the plugin 'lookup' (its dynamic route /lookup/)"));
        } finally {
            admin.given().delete("/api/admin/plugins/lookup").then().statusCode(204);
        }
        given().queryParam("q", "x").get("/lookup/").then().statusCode(404);
    }

    @Test
    void aPostThatHadTheAddressBeforeThePluginKeepsIt() throws Exception {
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = "Mine first " + UUID.randomUUID();
        long id = ((Number) author.given().contentType("application/json")
                .body(Map.of("source", "---\ntitle: " + title + "\npermalink: \"/lookup-kept/\"\n---\nKept.\n"))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200);
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "lookup.jar", lookupJar(), "application/java-archive")
                .post("/api/admin/plugins").then().statusCode(201);
        admin.given().post("/api/admin/plugins/lookup/enable").then().statusCode(200);
        try {
            given().queryParam("q", "x").get("/lookup-kept/").then().statusCode(200).body(containsString(title))
                    .body(not(containsString("You asked for")));
        } finally {
            admin.given().delete("/api/admin/plugins/lookup").then().statusCode(204);
            admin.given().delete("/api/admin/posts/" + id).then().statusCode(204);
        }
    }

    @Test
    void aHostPageIsAnsweredInAnotherMediaTypeOnlyWhenAskedForItByName() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "actor.jar", actorJar(), "application/java-archive")
                .post("/api/admin/plugins").then().statusCode(201);
        admin.given().post("/api/admin/plugins/actor/enable").then().statusCode(200);
        Session author = TestAccounts.signedIn(Role.AUTHOR);
        String title = "Federated " + UUID.randomUUID();
        long id = ((Number) author.given().contentType("application/json")
                .body(Map.of("fields", Map.of("title", title, "body", "Words.")))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();
        String path = author.given().post("/api/admin/posts/" + id + "/publish").then().statusCode(200)
                .extract().path("path");
        try {
            String activity = "application/activity+json";
            given().header("Accept", activity).get(path).then().statusCode(200).contentType(containsString(activity))
                    .header("Cache-Control", "no-store").body("type", equalTo("Note")).body("name", equalTo(title));
            given().header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").get(path).then().statusCode(200)
                    .contentType(containsString("text/html")).header("Vary", containsString("Accept-Encoding"))
                    .header("Vary", org.hamcrest.Matchers.either(containsString("Accept, "))
                            .or(org.hamcrest.Matchers.endsWith(", Accept")))
                    .body(containsString(title));
            given().header("Accept", activity + ";q=0").get(path).then().statusCode(200)
                    .contentType(containsString("text/html"));
            given().header("Accept", "text/html, " + activity + ";q=0.5").get(path).then().statusCode(200)
                    .contentType(containsString("text/html"));
            given().header("Accept", activity).get("/").then().statusCode(200).contentType(containsString("text/html"));
            given().header("Accept", activity).get("/no-such-page-" + id + "/").then().statusCode(404);
        } finally {
            admin.given().delete("/api/admin/plugins/actor").then().statusCode(204);
        }
        given().header("Accept", "application/activity+json").get(path).then().statusCode(200)
                .contentType(containsString("text/html"));
    }

    /** Answers posts as ActivityStreams notes, and nothing else. */
    private static byte[] actorJar() {
        return new PluginJarBuilder().source("com.example.Actor", """
                package com.example;

                import java.nio.charset.StandardCharsets;
                import java.util.List;
                import java.util.Optional;
                import org.quire.api.*;

                public final class Actor implements QuirePlugin {
                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("actor").name("Actor").version("1.0")
                                .requiredApi("[1.5,2.0)").build();
                    }

                    @Override
                    public List<Representation> representations() {
                        return List.of(new Representation() {
                            public String mediaType() { return "application/activity+json"; }

                            public Optional<Page> represent(HostPage page) {
                                return page.post().map(post -> new Page("application/activity+json",
                                        ("{\\"type\\":\\"Note\\",\\"name\\":\\"" + post.title() + "\\"}")
                                                .getBytes(StandardCharsets.UTF_8), post.title(), false));
                            }
                        });
                    }
                }
                """).service("com.example.Actor").build();
    }

    /** Echoes ?q=, as a themed page or as JSON when asked for it; "nothing" names nothing, "boom" fails. */
    private static byte[] lookupJar() {
        return new PluginJarBuilder().source("com.example.Lookup", """
                package com.example;

                import java.nio.charset.StandardCharsets;
                import java.util.List;
                import java.util.Optional;
                import org.quire.api.*;

                public final class Lookup implements QuirePlugin {
                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("lookup").name("Lookup").version("1.0")
                                .requiredApi("[1.5,2.0)").build();
                    }

                    @Override
                    public List<DynamicRoute> dynamicRoutes() {
                        return List.of(route("/lookup/"), route("/lookup-kept/"), route("/robots.txt"));
                    }

                    private static DynamicRoute route(String pattern) {
                        return new DynamicRoute() {
                            public String pattern() { return pattern; }

                            public Optional<Page> answer(DynamicRequest request) {
                                String asked = request.parameter("q").orElseThrow(
                                        () -> new IllegalArgumentException("Parameter 'q': say what to look up"));
                                if (asked.equals("nothing")) {
                                    return Optional.empty();
                                }
                                if (asked.equals("boom")) {
                                    throw new IllegalStateException("the index is away");
                                }
                                if (request.accepts("application/json")) {
                                    String json = "{\\"asked\\":\\"" + asked.replace("\\\\", "\\\\\\\\")
                                            .replace("\\"", "\\\\\\"") + "\\"}";
                                    return Optional.of(new Page("application/json", json.getBytes(StandardCharsets.UTF_8),
                                            "Lookup", false));
                                }
                                String text = asked.replace("&", "&amp;").replace("<", "&lt;");
                                return Optional.of(Page.themed("Lookup", "<p class=\\"lookup\\">You asked for " + text
                                        + "</p>"));
                            }
                        };
                    }
                }
                """).service("com.example.Lookup").build();
    }
}
