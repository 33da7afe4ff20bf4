package org.quire.web.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The built-in sign-in through its form, and what ends a session. */
@QuarkusTest
class SignInTest extends DatabaseTest {

    /** The sign-in form: its CSRF cookie and the matching hidden field. */
    private record Form(String cookie, String field) {
    }

    private static Form form() {
        Response page = given().get("/admin/sign-in").then().statusCode(200).extract().response();
        Document html = Jsoup.parse(page.asString());
        return new Form(page.cookie(SignInPages.FORM_CSRF_COOKIE), html.select("input[name=_csrf]").val());
    }

    private static Response post(Form form, String login, String password) {
        return given().redirects().follow(false).cookie(SignInPages.FORM_CSRF_COOKIE, form.cookie())
                .formParam("_csrf", form.field()).formParam("login", login).formParam("password", password)
                .formParam("then", "/admin/").post("/admin/sign-in");
    }

    @Test
    void signingInWithTheRightPasswordOpensADatabaseSession() {
        Account account = TestAccounts.create(Role.AUTHOR);
        Response response = post(form(), account.handle, TestAccounts.PASSWORD);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/admin/");
        String setCookie = response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(AccessFilter.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/");
        String token = response.cookie(AccessFilter.SESSION_COOKIE);
        // Stored hashed, not as the cookie's value: not in one instance's memory, so a restart keeps it.
        assertThat(QuarkusTransaction.requiringNew().call(() -> SignInSession.count("tokenHash", Secrets.hash(token))))
                .isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SignInSession.count("tokenHash", token))).isZero();
        given().cookie(AccessFilter.SESSION_COOKIE, token).get("/admin/").then().statusCode(200)
                .body(containsString(account.handle)).body(containsString("author"));
        // By e-mail too, in any case.
        assertThat(post(form(), account.email.toUpperCase(), TestAccounts.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void aWrongPasswordOrUnknownNameIsRefusedAlike() {
        Account account = TestAccounts.create(Role.EDITOR);
        Response wrong = post(form(), account.handle, "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(wrong.asString()).select(".form-problem").text()).isEqualTo("The name or password is wrong.");
        assertThat(wrong.cookie(AccessFilter.SESSION_COOKIE)).isNull();
        Response unknown = post(form(), "nobody-" + account.handle, "whatever");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(unknown.asString()).select(".form-problem").text()).isEqualTo("The name or password is wrong.");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword() {
        Account account = TestAccounts.create(Role.CONTRIBUTOR);
        for (int i = 1; i <= SignInService.FREE_FAILURES; i++) {
            assertThat(post(form(), account.handle, "guess " + i).statusCode()).as("failure %d", i).isEqualTo(401);
        }
        Response locking = post(form(), account.handle, "one guess too many");
        assertThat(locking.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(locking.header("Retry-After"))).isBetween(1, 60);
        Response locked = post(form(), account.handle, TestAccounts.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(locked.asString()).select(".form-problem").text()).startsWith("Too many failed sign-ins");
        // The next failure after the lock ends locks for longer: 2 minutes, then 4, … up to an hour.
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(account.id).lockedUntil = Instant.now().minusSeconds(1));
        Response again = post(form(), account.handle, "still guessing");
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(again.header("Retry-After"))).isBetween(61, 120);
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>findById(account.id).lockedUntil = Instant.now().minusSeconds(1));
        assertThat(post(form(), account.handle, TestAccounts.PASSWORD).statusCode()).isEqualTo(303);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.<Account>findById(account.id).failedSignIns)).isZero();
    }

    @Test
    void theFormNeedsItsCsrfToken() {
        Account account = TestAccounts.create(Role.AUTHOR);
        Form form = form();
        Response noField = given().redirects().follow(false).cookie(SignInPages.FORM_CSRF_COOKIE, form.cookie())
                .formParam("login", account.handle).formParam("password", TestAccounts.PASSWORD).post("/admin/sign-in");
        assertThat(noField.statusCode()).isEqualTo(403);
        Response noCookie = given().redirects().follow(false).formParam("_csrf", form.field())
                .formParam("login", account.handle).formParam("password", TestAccounts.PASSWORD).post("/admin/sign-in");
        assertThat(noCookie.statusCode()).isEqualTo(403);
        assertThat(noCookie.cookie(AccessFilter.SESSION_COOKIE)).isNull();
    }

    @Test
    void stateChangingRequestsWithTheSessionCookieNeedTheSessionsCsrfToken() {
        TestAccounts.Session session = TestAccounts.signedIn(Role.AUTHOR);
        String body = "{\"name\":\"ci\"}";
        session.givenWithoutCsrf().contentType("application/json").body(body).post("/api/admin/me/tokens").then()
                .statusCode(403).body("error", containsString("CSRF"));
        session.givenWithoutCsrf().header(AccessFilter.CSRF_HEADER, "forged").contentType("application/json").body(body)
                .post("/api/admin/me/tokens").then().statusCode(403);
        session.given().contentType("application/json").body(body).post("/api/admin/me/tokens").then().statusCode(201);
        // Reading needs none.
        session.givenWithoutCsrf().get("/api/admin/me").then().statusCode(200);
        // Sign-out is a form post with the token in a field.
        given().redirects().follow(false).cookie(AccessFilter.SESSION_COOKIE, session.token()).post("/admin/sign-out")
                .then().statusCode(403);
        given().redirects().follow(false).cookie(AccessFilter.SESSION_COOKIE, session.token())
                .formParam("_csrf", session.csrf()).post("/admin/sign-out").then().statusCode(303);
        session.given().get("/api/admin/me").then().statusCode(401);
    }

    @Test
    void anAnonymousBrowserIsSentToTheSignInPage() {
        given().redirects().follow(false).accept("text/html").get("/admin/").then().statusCode(303)
                .header("Location", containsString("/admin/sign-in?then=%2Fadmin%2F"));
        given().accept("application/json").get("/api/admin/me").then().statusCode(401);
        // After signing in, only a path on this site is followed.
        assertThat(SignInPages.localPath("//evil.example/")).isEqualTo("/admin/");
        assertThat(SignInPages.localPath("https://evil.example/")).isEqualTo("/admin/");
        assertThat(SignInPages.localPath("/admin/posts/")).isEqualTo("/admin/posts/");
    }

    @Test
    void deactivationEndsSessionsAndTokensAtOnce() {
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        TestAccounts.Session editor = TestAccounts.signedIn(Role.EDITOR);
        String token = editor.given().contentType("application/json").body("{\"name\":\"script\"}")
                .post("/api/admin/me/tokens").then().statusCode(201).extract().path("secret");
        given().auth().oauth2(token).get("/api/admin/me").then().statusCode(200);
        editor.given().get("/api/admin/me").then().statusCode(200);

        admin.given().contentType("application/json").body("{\"active\":false}")
                .patch("/api/admin/users/" + editor.account().id).then().statusCode(200);

        editor.given().get("/api/admin/me").then().statusCode(401);
        given().auth().oauth2(token).get("/api/admin/me").then().statusCode(401);
        Form form = form();
        assertThat(post(form, editor.account().handle, TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(QuarkusTransaction.requiringNew().call(() -> SignInSession.count("account.id", editor.account().id)))
                .isZero();
    }

    @Test
    void aRoleChangeEndsTheAccountsSessionsAndTokensFollowTheNewRole() {
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        TestAccounts.Session editor = TestAccounts.signedIn(Role.EDITOR);
        String token = editor.given().contentType("application/json").body("{\"name\":\"script\"}")
                .post("/api/admin/me/tokens").then().statusCode(201).extract().path("secret");

        admin.given().contentType("application/json").body("{\"role\":\"editor\"}")
                .patch("/api/admin/users/" + editor.account().id).then().statusCode(200);
        editor.given().get("/api/admin/me").then().statusCode(200).body("role", equalTo("editor"));

        admin.given().contentType("application/json").body("{\"role\":\"author\"}")
                .patch("/api/admin/users/" + editor.account().id).then().statusCode(200);
        editor.given().get("/api/admin/me").then().statusCode(401);
        given().auth().oauth2(token).get("/api/admin/me").then().statusCode(200).body("role", equalTo("author"));
        assertThat(post(form(), editor.account().handle, TestAccounts.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        Account account = TestAccounts.create(Role.AUTHOR);
        TestAccounts.Session here = TestAccounts.session(account);
        TestAccounts.Session elsewhere = TestAccounts.session(account);
        here.given().contentType("application/json").body("{\"current\":\"wrong\",\"password\":\"a new long password\"}")
                .put("/api/admin/me/password").then().statusCode(400).body("error", containsString("current password"));
        here.given().contentType("application/json").body("{\"current\":\"" + TestAccounts.PASSWORD + "\",\"password\":\"short\"}")
                .put("/api/admin/me/password").then().statusCode(400).body("error", containsString("at least 10"));
        here.given().contentType("application/json")
                .body("{\"current\":\"" + TestAccounts.PASSWORD + "\",\"password\":\"a new long password\"}")
                .put("/api/admin/me/password").then().statusCode(204);
        here.given().get("/api/admin/me").then().statusCode(200);
        elsewhere.given().get("/api/admin/me").then().statusCode(401);
        assertThat(post(form(), account.handle, "a new long password").statusCode()).isEqualTo(303);
    }

    @Test
    void anInvitationLinkLetsTheNewUserChooseAPasswordOnce() {
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        String handle = "invitee-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String link = admin.given().contentType("application/json")
                .body("{\"handle\":\"" + handle + "\",\"email\":\"" + handle + "@example.test\",\"displayName\":\"Ivy\",\"role\":\"author\"}")
                .post("/api/admin/users").then().statusCode(201).body("mailed", equalTo(false))
                .body("mailProblem", containsString("quire.mail.host")).extract().path("link");
        admin.given().contentType("application/json")
                .body("{\"handle\":\"" + handle + "\",\"email\":\"other@example.test\",\"role\":\"author\"}")
                .post("/api/admin/users").then().statusCode(409).body("error", containsString("'handle'"));
        admin.given().contentType("application/json").body("{\"handle\":\"x y\",\"email\":\"a@b\",\"role\":\"author\"}")
                .post("/api/admin/users").then().statusCode(400).body("error", containsString("Field 'handle'"));

        Response page = given().urlEncodingEnabled(false).get(link).then().statusCode(200).extract().response();
        Document html = Jsoup.parse(page.asString());
        String token = html.select("input[name=token]").val();
        Response chosen = given().redirects().follow(false).cookie(SignInPages.FORM_CSRF_COOKIE,
                        page.cookie(SignInPages.FORM_CSRF_COOKIE)).formParam("_csrf", html.select("input[name=_csrf]").val())
                .formParam("token", token).formParam("password", "my own long password").post("/admin/password-link");
        assertThat(chosen.statusCode()).isEqualTo(303);
        given().cookie(AccessFilter.SESSION_COOKIE, chosen.cookie(AccessFilter.SESSION_COOKIE)).get("/api/admin/me")
                .then().statusCode(200).body("handle", org.hamcrest.Matchers.equalTo(handle))
                .body("role", org.hamcrest.Matchers.equalTo("author"));
        given().urlEncodingEnabled(false).get(link).then().statusCode(404);
    }

    @Test
    void aUsersPostsCanBeReassignedAndTheAccountIsKept() {
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        TestAccounts.Session leaving = TestAccounts.signedIn(Role.AUTHOR);
        Account successor = TestAccounts.create(Role.AUTHOR);
        String coWriter = TestAccounts.create(Role.CONTRIBUTOR).handle;
        String handle = leaving.account().handle;
        long named = ((Number) leaving.given().contentType("application/json").body(java.util.Map.of("source",
                "---\ntitle: Named\nslug: named-" + java.util.UUID.randomUUID() + "\nauthors: [" + handle
                        + ", " + coWriter + "]\n---\nx\n")).post("/api/admin/posts").then().statusCode(201).extract().path("id"))
                .longValue();
        long implied = ((Number) leaving.given().contentType("application/json").body(java.util.Map.of("source",
                "---\ntitle: Implied\nslug: implied-" + java.util.UUID.randomUUID() + "\n---\ny\n"))
                .post("/api/admin/posts").then().statusCode(201).extract().path("id")).longValue();

        admin.given().contentType("application/json").body(java.util.Map.of("to", successor.handle))
                .post("/api/admin/users/" + leaving.account().id + "/reassign").then().statusCode(200)
                .body("posts", org.hamcrest.Matchers.equalTo(2));
        admin.given().get("/api/admin/posts/" + named).then().body("authors", org.hamcrest.Matchers.contains(
                successor.handle, coWriter)).body("source", containsString("authors: [\"" + successor.handle
                + "\", \"" + coWriter + "\"]"));
        admin.given().get("/api/admin/posts/" + implied).then().body("authors",
                org.hamcrest.Matchers.contains(successor.handle));
        admin.given().get("/api/admin/users").then().body("handle", org.hamcrest.Matchers.hasItem(handle));
        admin.given().contentType("application/json").body(java.util.Map.of("to", "nobody-at-all"))
                .post("/api/admin/users/" + leaving.account().id + "/reassign").then().statusCode(400)
                .body("error", containsString("'to'"));
    }

    @Test
    void theLastAdministratorCannotBeDemotedOrDeactivated() {
        TestAccounts.Session admin = TestAccounts.signedIn(Role.ADMINISTRATOR);
        // Leave only this one active administrator.
        QuarkusTransaction.requiringNew().run(() -> Account.update("active = false where role = ?1 and id <> ?2",
                Role.ADMINISTRATOR, admin.account().id));
        try {
            admin.given().contentType("application/json").body("{\"role\":\"editor\"}")
                    .patch("/api/admin/users/" + admin.account().id).then().statusCode(409);
            admin.given().contentType("application/json").body("{\"active\":false}")
                    .patch("/api/admin/users/" + admin.account().id).then().statusCode(409);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Account.update("active = true where role = ?1",
                    Role.ADMINISTRATOR));
        }
    }
}
