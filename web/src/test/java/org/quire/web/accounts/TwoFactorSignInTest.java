package org.quire.web.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Two-factor sign-in with codes computed here from the shared secret, as an authenticator app would: set-up and
 * confirmation, the code step after the password, no code accepted twice, lockout on wrong codes, recovery codes
 * used once, the site's requirement for administrators, and API tokens left as they are.
 */
@QuarkusTest
class TwoFactorSignInTest extends DatabaseTest {

    /** A form of the sign-in: its CSRF cookie and hidden fields. */
    private record Form(String cookie, Document page) {
        String field(String name) {
            return page.select("input[name=" + name + "]").val();
        }
    }

    @Test
    void aCodeFromTheAppIsAskedAfterThePasswordAndNoCodeWorksTwice() {
        Account account = TestAccounts.create(Role.AUTHOR);
        TestAccounts.Session session = TestAccounts.session(account);
        session.given().contentType("application/json").body(Map.of("password", "not the password"))
                .post("/api/admin/me/two-factor").then().statusCode(400); // a borrowed session cannot set it up
        String secret = session.given().contentType("application/json").body(Map.of("password", TestAccounts.PASSWORD))
                .post("/api/admin/me/two-factor").then().statusCode(200)
                .body("keyUri", containsString("otpauth://totp/")).body("keyUri", containsString(account.handle))
                .extract().path("secret");
        session.given().contentType("application/json").body(Map.of("code", "000000"))
                .post("/api/admin/me/two-factor/confirm").then().statusCode(400).body("error", containsString("code"));
        long step = TimeBasedCodes.stepAt(Instant.now());
        List<String> recovery = session.given().contentType("application/json").body(Map.of("code", code(secret, step)))
                .post("/api/admin/me/two-factor/confirm").then().statusCode(200).extract().path("recoveryCodes");
        assertThat(recovery).hasSize(TwoFactor.RECOVERY_CODES).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"));
        session.given().get("/api/admin/me/two-factor").then().body("enabled", equalTo(true))
                .body("recoveryCodesLeft", equalTo(TwoFactor.RECOVERY_CODES));

        Form codeStep = password(account.handle, TestAccounts.PASSWORD);
        assertThat(codeStep.page().select("input[name=code]")).as("the code is asked, no session yet").hasSize(1);
        Response reused = code(codeStep, code(secret, step));
        assertThat(reused.statusCode()).as("the code that confirmed the set-up").isEqualTo(401);
        assertThat(reused.asString()).contains("used already");
        Response next = code(form(reused), code(secret, step + 1));
        assertThat(next.statusCode()).isEqualTo(303);
        given().cookie(AccessFilter.SESSION_COOKIE, next.cookie(AccessFilter.SESSION_COOKIE)).get("/api/admin/me")
                .then().statusCode(200).body("handle", equalTo(account.handle));

        // The password alone opens no session, and a step token is no password link.
        Form another = password(account.handle, TestAccounts.PASSWORD);
        given().get("/admin/password-link?token=" + another.field("step")).then().statusCode(404);
    }

    @Test
    void wrongCodesLockTheAccountAndARecoveryCodeWorksOnce() {
        Account account = TestAccounts.create(Role.EDITOR);
        String secret = turnOn(TestAccounts.session(account));
        List<String> recovery = lastRecoveryCodes;

        Form step = password(account.handle, TestAccounts.PASSWORD);
        for (int i = 0; i < SignInService.FREE_FAILURES; i++) {
            Response wrong = code(step, wrongCode(secret));
            assertThat(wrong.statusCode()).isEqualTo(401);
            step = form(wrong);
        }
        Response answer = code(step, wrongCode(secret));
        assertThat(answer.statusCode()).as("the fifth wrong code locks").isEqualTo(429);
        assertThat(answer.asString()).contains("locked until");
        // Locked: the right password does not even reach the code step, and the old step is used up.
        assertThat(password(account.handle, TestAccounts.PASSWORD, 429).page().text()).contains("locked");
        assertThat(code(step, recovery.get(0)).statusCode()).isEqualTo(401);

        QuarkusTransaction.requiringNew().run(() -> Account.update("lockedUntil = null, failedSignIns = 0 where id = ?1",
                account.id));
        assertThat(code(password(account.handle, TestAccounts.PASSWORD), recovery.get(0).toUpperCase()).statusCode())
                .as("a recovery code, in any case").isEqualTo(303);
        Response again = code(password(account.handle, TestAccounts.PASSWORD), recovery.get(0));
        assertThat(again.statusCode()).as("used once only").isEqualTo(401);
        assertThat(code(form(again), recovery.get(1).replace("-", "")).statusCode()).isEqualTo(303);
        TestAccounts.Session session = TestAccounts.session(account);
        session.given().get("/api/admin/me/two-factor").then().body("recoveryCodesLeft",
                equalTo(TwoFactor.RECOVERY_CODES - 2));
    }

    @Test
    void theSiteCanRequireItOfAdministratorsAndTokensStayAsTheyAre() {
        TestAccounts.Session settingAdmin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        turnOn(settingAdmin);
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        TestAccounts.Session author = TestAccounts.signedIn(Role.AUTHOR);
        String token = admin.given().contentType("application/json").body("{\"name\":\"script\"}")
                .post("/api/admin/me/tokens").then().statusCode(201).extract().path("secret");
        settingAdmin.given().contentType("application/json").body(Map.of("twoFactorRequired", "administrators"))
                .put("/api/admin/settings").then().statusCode(200)
                .body("settings.twoFactorRequired", equalTo("administrators"));
        try {
            admin.given().get("/api/admin/posts").then().statusCode(403).body("error", containsString("two-factor"));
            admin.given().redirects().follow(false).accept("text/html").get("/admin/posts").then().statusCode(303)
                    .header("Location", containsString("/admin/profile/two-factor"));
            admin.given().get("/api/admin/me").then().statusCode(200);
            assertThat(admin.given().accept("text/html").get("/admin/profile/two-factor").then().statusCode(200)
                    .extract().asString()).contains("requires two-factor sign-in");
            given().auth().oauth2(token).get("/api/admin/posts").then().statusCode(200); // an API token is not asked
            author.given().get("/api/admin/posts").then().statusCode(200); // the rule covers administrators only

            turnOn(admin);
            admin.given().get("/api/admin/posts").then().statusCode(200);
            settingAdmin.given().contentType("application/json").body(Map.of("twoFactorRequired", "everyone"))
                    .put("/api/admin/settings").then().statusCode(400).body("field", equalTo("twoFactorRequired"));
        } finally {
            settingAdmin.given().contentType("application/json").body(Map.of("twoFactorRequired", "nobody"))
                    .put("/api/admin/settings").then().statusCode(200);
        }
    }

    @Test
    void turningItOffNeedsThePasswordAndAnAdministratorCanResetIt() {
        Account account = TestAccounts.create(Role.AUTHOR);
        TestAccounts.Session session = TestAccounts.session(account);
        turnOn(session);
        String token = session.given().contentType("application/json").body("{\"name\":\"script\"}")
                .post("/api/admin/me/tokens").then().statusCode(201).extract().path("secret");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("password", TestAccounts.PASSWORD))
                .post("/api/admin/me/two-factor/off").then().statusCode(403); // not with a token
        session.given().contentType("application/json").body(Map.of("password", "wrong password"))
                .post("/api/admin/me/two-factor/off").then().statusCode(400);
        session.given().contentType("application/json").body(Map.of("password", TestAccounts.PASSWORD))
                .post("/api/admin/me/two-factor/off").then().statusCode(200).body("enabled", equalTo(false));
        assertThat(passwordAnswer(account.handle, TestAccounts.PASSWORD).statusCode()).as("the password alone again")
                .isEqualTo(303);

        String secret = turnOn(session);
        session.given().contentType("application/json").body(Map.of("code", lastRecoveryCodes.get(0)))
                .post("/api/admin/me/two-factor/recovery-codes").then().statusCode(400); // the app's code, not these
        session.given().contentType("application/json")
                .body(Map.of("code", code(secret, TimeBasedCodes.stepAt(Instant.now()) + 1)))
                .post("/api/admin/me/two-factor/recovery-codes").then().statusCode(200)
                .body("recoveryCodes.size()", equalTo(TwoFactor.RECOVERY_CODES));

        Account adminAccount = TestAccounts.create(Role.ADMINISTRATOR);
        TestAccounts.Session admin = TestAccounts.session(adminAccount);
        session.given().delete("/api/admin/users/" + account.id + "/two-factor").then().statusCode(403);
        String adminToken = admin.given().contentType("application/json").body("{\"name\":\"script\"}")
                .post("/api/admin/me/tokens").then().statusCode(201).extract().path("secret");
        given().auth().oauth2(adminToken).delete("/api/admin/users/" + account.id + "/two-factor").then()
                .statusCode(403); // a token cannot take a second factor away
        turnOn(admin);
        admin.given().delete("/api/admin/users/" + adminAccount.id + "/two-factor").then().statusCode(403)
                .body("error", containsString("your own"));
        admin.given().delete("/api/admin/users/" + account.id + "/two-factor").then().statusCode(204);
        session.given().get("/api/admin/me").then().statusCode(401); // their sessions end
        assertThat(passwordAnswer(account.handle, TestAccounts.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void thePageSetsItUpWithTheKeyAndShowsTheRecoveryCodesOnce() {
        TestAccounts.Session session = TestAccounts.signedIn(Role.CONTRIBUTOR);
        String start = session.given().accept("text/html").formParam("_csrf", session.csrf())
                .formParam("password", TestAccounts.PASSWORD).post("/admin/profile/two-factor/start").then().statusCode(200).extract().asString();
        Document page = Jsoup.parse(start);
        String secret = page.select("input#key").val();
        assertThat(secret).matches("[A-Z2-7]{32}");
        String done = session.given().accept("text/html").formParam("_csrf", session.csrf())
                .formParam("code", code(secret, TimeBasedCodes.stepAt(Instant.now())))
                .formParam("secret", secret).formParam("keyUri", page.select("input#key-uri").val())
                .post("/admin/profile/two-factor/confirm").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(done).select("ol.recovery-codes li")).hasSize(TwoFactor.RECOVERY_CODES);
        Document later = Jsoup.parse(session.given().accept("text/html").get("/admin/profile/two-factor").then()
                .statusCode(200).extract().asString());
        assertThat(later.select("ol.recovery-codes")).as("shown only once").isEmpty();
        assertThat(later.text()).contains("On since").contains(TwoFactor.RECOVERY_CODES + " of your recovery codes");
    }

    // ---- helpers

    private List<String> lastRecoveryCodes;

    /** Turns two-factor sign-in on for the session's account; returns the secret. */
    private String turnOn(TestAccounts.Session session) {
        String secret = session.given().contentType("application/json").body(Map.of("password", TestAccounts.PASSWORD))
                .post("/api/admin/me/two-factor").then().statusCode(200).extract()
                .path("secret");
        lastRecoveryCodes = session.given().contentType("application/json")
                .body(Map.of("code", code(secret, TimeBasedCodes.stepAt(Instant.now()))))
                .post("/api/admin/me/two-factor/confirm").then().statusCode(200).extract().path("recoveryCodes");
        return secret;
    }

    /** Six digits that are not the code of this step or either next to it. */
    private static String wrongCode(String secret) {
        long now = TimeBasedCodes.stepAt(Instant.now());
        for (int candidate = 100_000; ; candidate++) {
            String digits = Integer.toString(candidate);
            if (!digits.equals(code(secret, now - 1)) && !digits.equals(code(secret, now))
                    && !digits.equals(code(secret, now + 1)) && !digits.equals(code(secret, now + 2))) {
                return digits;
            }
        }
    }

    private static String code(String secret, long step) {
        return TimeBasedCodes.code(TimeBasedCodes.fromBase32(secret), step, 6);
    }

    private static Form signInForm() {
        return form(given().get("/admin/sign-in").then().statusCode(200).extract().response());
    }

    private static Form form(Response page) {
        return new Form(page.cookie(SignInPages.FORM_CSRF_COOKIE), Jsoup.parse(page.asString()));
    }

    private static Response passwordAnswer(String login, String password) {
        Form form = signInForm();
        return given().redirects().follow(false).cookie(SignInPages.FORM_CSRF_COOKIE, form.cookie())
                .formParam("_csrf", form.field("_csrf")).formParam("login", login).formParam("password", password)
                .formParam("then", "/admin/").post("/admin/sign-in");
    }

    /** The page after a right password: the code step. */
    private static Form password(String login, String password) {
        return password(login, password, 200);
    }

    private static Form password(String login, String password, int status) {
        Response answer = passwordAnswer(login, password);
        assertThat(answer.statusCode()).isEqualTo(status);
        return form(answer);
    }

    private static Response code(Form step, String code) {
        return given().redirects().follow(false).cookie(SignInPages.FORM_CSRF_COOKIE, step.cookie())
                .formParam("_csrf", step.field("_csrf")).formParam("step", step.field("step"))
                .formParam("then", "/admin/").formParam("code", code).post("/admin/sign-in/code");
    }
}
