package org.quire.web.publicsite.input;

import java.time.Instant;
import java.util.Optional;

import org.quire.api.input.ReaderInput;
import org.quire.web.accounts.AccessFilter;
import org.quire.web.accounts.SignInSession;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/** Who is signed in on the browser that sent a request, as a plugin may know it: never the session cookie. */
public final class Visitors {

    private Visitors() {
    }

    /** The staff account of the browser's session, if any; reads the database, so call it on a worker thread. */
    public static Optional<ReaderInput.Visitor> of(RoutingContext ctx, Instant now) {
        Cookie cookie = ctx.request().getCookie(AccessFilter.SESSION_COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> SignInSession.findByToken(cookie.getValue())
                .filter(s -> s.account.active && s.account.canSignIn && now.isBefore(s.expiresAt))
                .map(s -> new ReaderInput.Visitor(String.valueOf(s.account.id), s.account.handle,
                        s.account.displayName == null || s.account.displayName.isBlank() ? s.account.handle
                                : s.account.displayName, s.account.role.name())));
    }
}
