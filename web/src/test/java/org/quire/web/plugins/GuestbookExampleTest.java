package org.quire.web.plugins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.accounts.TestAccounts.Session;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The example guestbook (plugins/examples/guestbook), installed as a jar into a running server as its authors
 * would: the plugins page shows what it uses before it is turned on, a reader signs, and the page shows the entry.
 */
@QuarkusTest
@TestProfile(PluginInstallTest.OwnPlugins.class)
class GuestbookExampleTest {

    private static byte[] guestbookJar() throws Exception {
        String location = System.getProperty("quire.test.guestbook-plugin-jar");
        Path jar = location == null ? null : Path.of(location);
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("The example guestbook's jar '" + location + "' is missing: build it with"
                    + " ./mvnw package -pl plugins/examples/guestbook (./mvnw verify from the top builds it first)");
        }
        return Files.readAllBytes(jar);
    }

    @Test
    void installedItShowsWhatItUsesAndTakesASignature() throws Exception {
        Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        admin.given().multiPart("file", "guestbook.jar", guestbookJar(), "application/java-archive")
                .post("/api/admin/plugins").then().statusCode(201)
                .body("uses.capabilities", hasItems("RECORDS", "WORK", "READER_INPUT", "MAIL", "OUTBOUND_HTTP"))
                .body("uses.calls", hasItems("hooks.slack.com"))
                .body("uses.publishes", hasItems("guestbook.signed"));
        try {
            admin.given().get("/admin/plugins").then().statusCode(200)
                    .body(containsString("Publishes events for other plugins: guestbook.signed"));
            admin.given().post("/api/admin/plugins/guestbook/enable").then().statusCode(200);

            String form = given().get("/guestbook/").then().statusCode(200).extract().asString();
            assertThat(Jsoup.parse(form).select("form[action=/guestbook/sign] textarea[name=message]")).hasSize(1);
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("name", "Ann").formParam("message", "Lovely site, 谢谢 <b>!</b>")
                    .post("/guestbook/sign").then().statusCode(303).header("Location", "/guestbook/?signed");
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("name", "Ann").post("/guestbook/sign").then().statusCode(400)
                    .body(containsString("Field 'message'"));

            Document page = Jsoup.parse(given().get("/guestbook/").then().statusCode(200).extract().asString());
            assertThat(page.select(".guestbook-entries li")).singleElement().satisfies(entry -> {
                assertThat(entry.text()).contains("Ann").contains("Lovely site, 谢谢 <b>!</b>");
                assertThat(entry.select("b")).as("escaped").isEmpty();
            });
        } finally {
            admin.given().delete("/api/admin/plugins/guestbook?records=delete").then().statusCode(204);
        }
    }
}
