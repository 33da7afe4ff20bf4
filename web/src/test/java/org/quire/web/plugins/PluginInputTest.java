package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.quire.api.PluginDescriptor;
import org.quire.api.input.Honeypot;
import org.quire.api.records.CollectionDefinition;
import org.quire.api.records.PluginRecord;
import org.quire.api.records.RecordQuery;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;
import org.quire.web.plugins.records.HostRecords;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Readers' POSTs to an installed plugin (API 1.4): the host refuses what is too large (413), too frequent (429 with
 * Retry-After), from another site's pages (403), of another type (415) or not JSON (400) before the plugin sees it;
 * the plugin gets the form without the CSRF token or the honeypot, who is signed in, and no cookie.
 */
@QuarkusTest
@TestProfile(PluginInstallTest.OwnPlugins.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PluginInputTest {

    @Inject
    HostRecords records;

    private static final PluginDescriptor GUESTBOOK = PluginDescriptor.builder("visitor-book")
            .collection(CollectionDefinition.named("entries")).build();

    private static boolean installed;

    /** Installs the visitor-book once for the class (the app starts after JUnit's class callbacks). */
    private static synchronized void guestbookRunning() {
        if (installed) {
            return;
        }
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "visitor-book.jar", guestbookJar(), "application/java-archive")
                .post("/api/admin/plugins").then().statusCode(201)
                .body("uses.capabilities", org.hamcrest.Matchers.hasItems("RECORDS", "READER_INPUT"));
        admin.given().post("/api/admin/plugins/visitor-book/enable").then().statusCode(200).body("running", is(true));
        installed = true;
    }

    private List<Map<String, Object>> entries() {
        return records.recordsOf(GUESTBOOK).collection("entries").find(RecordQuery.all().limit(1000)).records()
                .stream().map(PluginRecord::document).toList();
    }

    private List<Map<String, Object>> entriesWith(String text) {
        return entries().stream().filter(e -> text.equals(e.get("text"))).toList();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aFormIsTakenWithoutTheHostsOwnFieldsAndWithWhoIsSignedIn() {
        guestbookRunning();
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("name", "Ann").formParam("text", "Lovely 文章").formParam("_csrf", "secret-token")
                .formParam(Honeypot.FIELD, "")
                .post("/visitor-book/sign").then().statusCode(303).header("Location", "/visitor-book/?thanks")
                .header("Cache-Control", "no-store");
        assertThat(entriesWith("Lovely 文章")).singleElement().satisfies(entry -> {
            assertThat(entry.get("fields")).isEqualTo(List.of("name", "text"));
            assertThat(entry.get("by")).isEqualTo("nobody");
            assertThat(entry.get("client")).isEqualTo("127.0.0.1");
        });

        Session editor = TestAccounts.signedIn(Role.EDITOR);
        editor.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("text", "From the team").post("/visitor-book/sign").then().statusCode(303);
        assertThat(entriesWith("From the team")).singleElement().satisfies(entry ->
                assertThat((String) entry.get("by")).isNotEqualTo("nobody").contains("EDITOR"));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void whatTheHostRefusesNeverReachesThePlugin() {
        guestbookRunning();
        int before = entries().size();
        given().header("Origin", "https://evil.example").contentType("application/x-www-form-urlencoded")
                .formParam("text", "forged").post("/visitor-book/sign").then().statusCode(403)
                .body(containsString("only be sent from the site's own pages, not from https://evil.example"));
        given().header("Origin", "https://static.example.org").redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("text", "from the static copy")
                .post("/visitor-book/sign").then().statusCode(303);
        given().contentType("application/x-www-form-urlencoded").formParam("text", "x".repeat(3000))
                .post("/visitor-book/sign").then().statusCode(413).body(containsString("takes at most 2000"));
        given().contentType("text/plain").body("hello").post("/visitor-book/sign").then().statusCode(415)
                .body(containsString("takes a form (application/x-www-form-urlencoded) or JSON"));
        given().contentType("application/json").body("{\"text\": \"unclosed").post("/visitor-book/sign").then()
                .statusCode(400).body(containsString("The body is not JSON"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("text", "a bot").formParam(Honeypot.FIELD, "http://spam.example")
                .post("/visitor-book/sign").then().statusCode(303);
        given().contentType("application/x-www-form-urlencoded").formParam("text", " ")
                .post("/visitor-book/sign").then().statusCode(400).body(equalTo("text: write something"));
        assertThat(entries()).as("only the static copy's form").hasSize(before + 1);

        given().contentType("application/json").body("{\"text\": \"as JSON\"}").post("/visitor-book/sign").then()
                .statusCode(201).body("ok", is(true));
        assertThat(entriesWith("as JSON")).hasSize(1);
        given().contentType("application/x-www-form-urlencoded").formParam("text", "x")
                .post("/visitor-book/unclaimed").then().statusCode(oneOf(404, 405));
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aClientThatPostsTooOftenIsToldWhenToTryAgain() {
        guestbookRunning();
        for (int i = 0; i < 3; i++) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("text", "limited " + i).post("/visitor-book/limited").then().statusCode(303);
        }
        String retryAfter = given().contentType("application/x-www-form-urlencoded").formParam("text", "one more")
                .post("/visitor-book/limited").then().statusCode(429)
                .body(containsString("it takes 3 a minute")).extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 20);
        assertThat(entriesWith("one more")).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void removedItsRoutesTakeNothingAndItsJarIsGone() {
        guestbookRunning();
        TestAccounts.signedIn(Role.ADMINISTRATOR).given().delete("/api/admin/plugins/visitor-book?records=delete")
                .then().statusCode(204);
        installed = false;
        given().contentType("application/x-www-form-urlencoded").formParam("text", "after")
                .post("/visitor-book/sign").then().statusCode(oneOf(404, 405));
        assertThat(PluginInstallTest.PLUGINS.resolve("visitor-book.jar")).doesNotExist();
    }

    /** A visitor-book: signing stores an entry; a JSON entry answers JSON. */
    private static byte[] guestbookJar() {
        return new PluginJarBuilder().source("com.example.Guestbook", """
                package com.example;

                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import java.util.UUID;
                import org.quire.api.*;
                import org.quire.api.input.*;
                import org.quire.api.records.*;

                public final class Guestbook implements QuirePlugin {
                    private PluginContext context;

                    @Override
                    public PluginDescriptor descriptor() {
                        return PluginDescriptor.builder("visitor-book").requiredApi("[1.4,2.0)")
                                .uses(Capability.READER_INPUT)
                                .collection(CollectionDefinition.named("entries")).build();
                    }

                    @Override
                    public void start(PluginContext context) {
                        this.context = context;
                    }

                    private InputAnswer sign(ReaderInput input) {
                        if (input.looksAutomated()) {
                            return InputAnswer.seeOther("/visitor-book/?thanks");
                        }
                        String text;
                        if (input.json() != null) {
                            text = input.json().replaceAll(".*\\"text\\": *\\"([^\\"]*)\\".*", "$1");
                        } else {
                            text = input.field("text").orElseThrow(
                                    () -> new IllegalArgumentException("text: write something"));
                        }
                        String by = input.signedIn().map(v -> v.handle() + " " + v.role()).orElse("nobody");
                        context.records().collection("entries").insert(UUID.randomUUID().toString(), Map.of(
                                "text", text, "by", by, "client", input.client(),
                                "fields", new ArrayList<>(input.form().keySet())));
                        return input.json() != null ? InputAnswer.json(201, "{\\"ok\\":true}")
                                : InputAnswer.seeOther("/visitor-book/?thanks");
                    }

                    @Override
                    public List<InputRoute> inputRoutes() {
                        return List.of(new InputRoute() {
                            public String pattern() { return "/visitor-book/sign"; }
                            public InputAnswer accept(ReaderInput input) { return sign(input); }
                            public int maxBytes() { return 2000; }
                            public int perMinute() { return 100; }
                        }, new InputRoute() {
                            public String pattern() { return "/visitor-book/limited"; }
                            public InputAnswer accept(ReaderInput input) { return sign(input); }
                            public int perMinute() { return 3; }
                        });
                    }
                }
                """).service("com.example.Guestbook").build();
    }
}
