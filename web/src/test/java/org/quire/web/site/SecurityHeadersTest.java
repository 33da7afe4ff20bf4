package org.quire.web.site;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quire.web.SeedPosts;
import org.quire.web.accounts.Role;
import org.quire.web.accounts.TestAccounts;
import org.quire.web.content.PostService;
import org.quire.web.media.TestImages;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Every kind of answer carries the security headers; no page lets inline or foreign script run. */
@QuarkusTest
class SecurityHeadersTest {

    @Inject
    PostService posts;

    private static void assertCommonHeaders(Response response, String what) {
        assertThat(response.header("X-Content-Type-Options")).as("nosniff on %s", what).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("SAMEORIGIN");
        assertThat(response.header("Content-Security-Policy")).as("CSP on %s", what).isNotBlank();
    }

    /** The directive's sources, or those of default-src when the policy does not name it. */
    static List<String> sources(String policy, String directive) {
        String fallback = null;
        for (String part : policy.split(";")) {
            List<String> words = List.of(part.trim().split("\\s+"));
            if (words.get(0).equals(directive)) {
                return words.subList(1, words.size());
            }
            if (words.get(0).equals("default-src")) {
                fallback = part;
            }
        }
        assertThat(fallback).as("default-src in %s", policy).isNotNull();
        List<String> words = List.of(fallback.trim().split("\\s+"));
        return words.subList(1, words.size());
    }

    @Test
    void pagesFeedsApiAndErrorsCarryAPolicyThatRunsNoInlineOrForeignScript() {
        SeedPosts.publish(posts);
        for (String path : List.of("/", "/2017/12/aws-reinvent/", "/tags/aws/", "/feed.xml", "/api/content/posts",
                "/no-such-page/", "/admin/sign-in", "/static/theme.css")) {
            Response response = given().redirects().follow(false).get(path);
            assertCommonHeaders(response, path);
            String policy = response.header("Content-Security-Policy");
            assertThat(sources(policy, "script-src")).as("script sources on %s", path)
                    .doesNotContain("'unsafe-inline'", "'unsafe-eval'", "*", "https:", "http:", "data:");
            assertThat(sources(policy, "object-src")).as(path).containsExactly("'none'");
            assertThat(policy).as(path).contains("frame-ancestors 'self'").contains("base-uri 'self'");
        }
        var admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        assertCommonHeaders(admin.given().accept("text/html").get("/admin/posts"), "/admin/posts");
        assertThat(given().get("/q/health/ready").header("X-Content-Type-Options")).isEqualTo("nosniff");
        // Plain HTTP: no Strict-Transport-Security, which would pin a site that has no certificate
        // (SecureCookieBehindProxyTest sees it behind TLS).
        assertThat(given().get("/").header("Strict-Transport-Security")).isNull();
    }

    @Test
    void adminPagesAndAdminAnswersAreNeverCachedAndPublicPagesMayBe() {
        SeedPosts.publish(posts);
        var admin = org.quire.web.accounts.TestAccounts.signedIn(org.quire.web.accounts.Role.ADMINISTRATOR);
        assertThat(io.restassured.RestAssured.given().get("/admin/sign-in").header("Cache-Control"))
                .as("the sign-in form, which carries a CSRF token").isEqualTo("no-store");
        for (String path : List.of("/admin/", "/admin/posts", "/api/admin/me", "/api/admin/posts", "/api/runtime")) {
            Response answer = admin.given().redirects().follow(false).get(path);
            assertThat(answer.statusCode()).as(path).isLessThan(400);
            assertThat(answer.header("Cache-Control")).as(path).isEqualTo("no-store");
        }
        assertThat(admin.given().get("/api/admin/nothing-here").header("Cache-Control")).as("an admin 404")
                .isEqualTo("no-store");
        assertThat(io.restassured.RestAssured.given().get("/").header("Cache-Control")).doesNotContain("no-store");
    }

    @Test
    void mediaFilesOpenInASandboxAndPdfsLoadNothing() throws Exception {
        var author = TestAccounts.signedIn(Role.AUTHOR);
        String image = author.given().multiPart("file", "shot.jpg", TestImages.screenshot(300, 7), "image/jpeg")
                .post("/api/admin/media").then().statusCode(201).extract().path("url");
        Response served = given().get(image);
        assertCommonHeaders(served, image);
        assertThat(served.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.MEDIA_POLICY)
                .contains("sandbox").startsWith("default-src 'none'");
        String pdf = author.given().multiPart("file", "slides.pdf", "%PDF-1.4\n%%EOF\n".getBytes(),
                "application/pdf").post("/api/admin/media").then().statusCode(201).extract().path("url");
        assertThat(given().get(pdf).header("Content-Security-Policy")).isEqualTo(SecurityHeaders.PDF_POLICY)
                .startsWith("default-src 'none'");
    }
}
