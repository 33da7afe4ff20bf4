package org.quire.web.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Behind a TLS-terminating proxy the session cookie is marked Secure; over plain HTTP it cannot be. */
@QuarkusTest
@TestProfile(SecureCookieBehindProxyTest.BehindProxy.class)
class SecureCookieBehindProxyTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.http.behind-proxy", "true",
                    "quire.database.url", "jdbc:h2:mem:quire-proxy;DB_CLOSE_DELAY=-1");
        }
    }

    private static String sessionCookieHeader(String forwardedProto) {
        Account account = TestAccounts.create(Role.AUTHOR);
        Response page = given().header("X-Forwarded-Proto", forwardedProto).get("/admin/sign-in");
        String csrf = Jsoup.parse(page.asString()).select("input[name=_csrf]").val();
        Response response = given().redirects().follow(false).header("X-Forwarded-Proto", forwardedProto)
                .cookie(SignInPages.FORM_CSRF_COOKIE, page.cookie(SignInPages.FORM_CSRF_COOKIE))
                .formParam("_csrf", csrf).formParam("login", account.handle)
                .formParam("password", TestAccounts.PASSWORD).post("/admin/sign-in");
        assertThat(response.statusCode()).isEqualTo(303);
        return response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AccessFilter.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    }

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysHttps() {
        assertThat(sessionCookieHeader("https")).contains("Secure").contains("HttpOnly");
        assertThat(sessionCookieHeader("http")).doesNotContain("Secure");
        // And browsers are told to stay on https, only when the request came over it.
        assertThat(given().header("X-Forwarded-Proto", "https").get("/").header("Strict-Transport-Security"))
                .isEqualTo("max-age=31536000");
        assertThat(given().header("X-Forwarded-Proto", "http").get("/").header("Strict-Transport-Security"))
                .isNull();
    }
}
