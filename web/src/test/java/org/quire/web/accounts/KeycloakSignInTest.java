package org.quire.web.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quire.web.browser.Browser;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Single sign-on against a real Keycloak, the one {@code .ci/keycloak start} runs with {@code deploy/keycloak/}'s
 * realm (integration profile; no mock stands in for it): access tokens of each role through the API, and a
 * browser signing in on Keycloak's own login page.
 */
@QuarkusTest
@TestProfile(KeycloakSignInTest.WithKeycloak.class)
@Tag("keycloak")
class KeycloakSignInTest {

    static final String REALM = "http://127.0.0.1:18180/realms/quire";

    public static class WithKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quire.oidc.enabled", "true", "quire.oidc.auth-server-url", REALM,
                    "quire.oidc.client-secret", "quire-web-dev-secret-not-for-production",
                    "quire.database.url", "jdbc:h2:mem:quire-sso;DB_CLOSE_DELAY=-1");
        }
    }

    @TestHTTPResource("/")
    URL site;

    @BeforeAll
    static void keycloakAnswers() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) URI.create(REALM + "/.well-known/openid-configuration")
                .toURL().openConnection();
        connection.setConnectTimeout(3000);
        int status;
        try {
            status = connection.getResponseCode();
        } catch (java.io.IOException e) {
            throw new AssertionError("Keycloak does not answer at " + REALM + " (" + e + "); start it with "
                    + ".ci/keycloak start", e);
        }
        assertThat(status).as("Keycloak's realm at %s", REALM).isEqualTo(200);
    }

    private static String accessToken(String user) {
        return given().baseUri("http://127.0.0.1:18180").formParam("grant_type", "password")
                .formParam("client_id", "quire-cli").formParam("username", user)
                .formParam("password", user + "-test-password")
                .post("/realms/quire/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }

    @Test
    void eachRolesAccessTokenDoesWhatTheRoleMay() {
        Map<String, String> roles = Map.of("alice", "administrator", "edward", "editor", "ava", "author",
                "carl", "contributor");
        roles.forEach((user, role) -> {
            String token = accessToken(user);
            given().auth().oauth2(token).get("/api/admin/me").then().statusCode(200)
                    .body("handle", equalTo(user)).body("role", equalTo(role)).body("via", equalTo("provider_token"));
            given().auth().oauth2(token).get("/api/admin/users").then()
                    .statusCode(role.equals("administrator") ? 200 : 403);
            given().auth().oauth2(token).get("/api/runtime").then()
                    .statusCode(role.equals("administrator") ? 200 : 403);
            // A token cannot mint tokens or set a password: that takes a browser session.
            given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"from sso\"}")
                    .post("/api/admin/me/tokens").then().statusCode(403);
            given().auth().oauth2(token).contentType("application/json").body("{\"password\":\"taken over?\"}")
                    .put("/api/admin/me/password").then().statusCode(403);
        });
        // Someone Keycloak knows but who has no Quire role is nobody here.
        given().auth().oauth2(accessToken("nora")).get("/api/admin/me").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJub25lIn0.e30.").get("/api/admin/me").then().statusCode(401);
    }

    @Test
    void aBrowserSignsInOnKeycloaksOwnPageAndLandsInTheAdminAreaWithItsRole() throws Exception {
        String base = "http://127.0.0.1:" + site.getPort();
        ChromeDriver browser = Browser.open(1280, 900);
        try {
            browser.get(base + "/admin/sso");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            assertThat(browser.getCurrentUrl()).startsWith(REALM + "/protocol/openid-connect/auth");
            browser.findElement(By.id("username")).sendKeys("ava");
            browser.findElement(By.id("password")).sendKeys("ava-test-password");
            browser.findElement(By.id("kc-form-login")).submit();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.className("signed-in-role")));
            assertThat(browser.getCurrentUrl()).isEqualTo(base + "/admin/");
            assertThat(browser.findElement(By.className("signed-in-as")).getText()).isEqualTo("ava");
            assertThat(browser.findElement(By.className("signed-in-role")).getText()).isEqualTo("author");
            assertThat(browser.manage().getCookieNamed(AccessFilter.SESSION_COOKIE)).isNotNull();
        } finally {
            browser.quit();
        }
    }
}
