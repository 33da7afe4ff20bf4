package org.quire.web.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

/** Accounts of each role for tests, with a browser session or an API token to act as them. */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery";
    /** One hash for every test account: bcrypt is slow on purpose. */
    private static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD);

    private TestAccounts() {
    }

    /** A session: the cookie's token and the CSRF token that goes with it. */
    public record Session(Account account, String token, String csrf) {

        /** RestAssured with the session cookie and the CSRF header, as the admin UI sends them. */
        public RequestSpecification given() {
            return io.restassured.RestAssured.given().cookie(AccessFilter.SESSION_COOKIE, token)
                    .header(AccessFilter.CSRF_HEADER, csrf);
        }

        /** The cookie without the CSRF header, as a forged cross-site request would come. */
        public RequestSpecification givenWithoutCsrf() {
            return io.restassured.RestAssured.given().cookie(AccessFilter.SESSION_COOKIE, token);
        }
    }

    /** A new active account that can sign in with {@link #PASSWORD}. */
    public static Account create(Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Account account = new Account();
            account.handle = role.id() + "-" + UUID.randomUUID().toString().substring(0, 8);
            account.email = account.handle + "@example.test";
            account.displayName = role.id().substring(0, 1).toUpperCase(Locale.ROOT) + role.id().substring(1)
                    + " Tester";
            account.role = role;
            account.canSignIn = true;
            account.passwordHash = PASSWORD_HASH;
            account.createdAt = Instant.now();
            account.persist();
            return account;
        });
    }

    public static Session session(Account account) {
        SignInService signIn = Arc.container().instance(SignInService.class).get();
        String token = signIn.openSession(account);
        String csrf = QuarkusTransaction.requiringNew().call(() -> SignInSession.findByToken(token).orElseThrow().csrfToken);
        return new Session(account, token, csrf);
    }

    public static Session signedIn(Role role) {
        return session(create(role));
    }
}
