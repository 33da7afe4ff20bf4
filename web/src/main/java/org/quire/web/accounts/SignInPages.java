package org.quire.web.accounts;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.Location;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.qute.Template;

/**
 * The built-in sign-in: the form, sign-out, the page reached through an invitation or reset link, and the admin
 * home. Forms signed before a session exists carry a double-submit CSRF token (a cookie and a field that must
 * agree); after that, the session's own token.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    static final String FORM_CSRF_COOKIE = "quire_form_csrf";

    @Inject
    SignInService signIn;

    @Inject
    CurrentUser currentUser;

    @Inject
    SingleSignOn singleSignOn;

    @Inject
    org.quire.web.admin.AdminChrome chrome;

    @Inject
    Instance<SecurityIdentity> identities;

    @Context
    UriInfo uri;

    @Location("admin/sign-in.html")
    Template signInPage;

    @Location("admin/set-password.html")
    Template setPasswordPage;

    @Location("admin/sign-in-code.html")
    Template codePage;

    @GET
    @Path("/sign-in")
    @Public
    public Response signInForm(@QueryParam("then") String then) {
        if (currentUser.isSignedIn()) {
            return Response.seeOther(URI.create(localPath(then))).build();
        }
        String csrf = Secrets.newToken();
        return Response.ok(page(signInPage).data("csrf", csrf).data("then", localPath(then)).data("login", "")
                .data("problem", null).render()).cookie(formCsrfCookie(csrf)).build();
    }

    @POST
    @Path("/sign-in")
    @Public
    public Response signIn(@FormParam("login") String login, @FormParam("password") String password,
                           @FormParam("then") String then, @FormParam("_csrf") String csrf,
                           @CookieParam(FORM_CSRF_COOKIE) String csrfCookie) {
        if (!Secrets.sameSecret(csrf, csrfCookie)) {
            return signInAgain(Response.Status.FORBIDDEN.getStatusCode(), then, login,
                    "The form expired or came from elsewhere; please sign in again.").build();
        }
        SignInService.Result result = signIn.signIn(login, password);
        if (!result.ok() && !result.needsCode()) {
            return refused(result, then, login);
        }
        return signedIn(result, then);
    }

    /** The sign-in form again with a problem, the login typed kept. */
    private Response.ResponseBuilder signInAgain(int status, String then, String login, String problem) {
        String next = Secrets.newToken();
        return Response.status(status).entity(page(signInPage).data("csrf", next).data("then", localPath(then))
                .data("login", login == null ? "" : login).data("problem", problem).render())
                .cookie(formCsrfCookie(next));
    }

    /** A refused sign-in: 401, or 429 with Retry-After while the account is locked. */
    private Response refused(SignInService.Result result, String then, String login) {
        if (result.lockedUntil() == null) {
            return signInAgain(401, then, login, result.problem()).build();
        }
        return signInAgain(429, then, login, result.problem()).header("Retry-After", Math.max(1,
                result.lockedUntil().getEpochSecond() - java.time.Instant.now().getEpochSecond())).build();
    }

    /** The second step of a sign-in with two-factor sign-in on: the code from the app, or a recovery code. */
    @POST
    @Path("/sign-in/code")
    @Public
    public Response signInCode(@FormParam("step") String step, @FormParam("code") String code,
                               @FormParam("then") String then, @FormParam("_csrf") String csrf,
                               @CookieParam(FORM_CSRF_COOKIE) String csrfCookie) {
        if (!Secrets.sameSecret(csrf, csrfCookie)) {
            return signInAgain(Response.Status.FORBIDDEN.getStatusCode(), then, null,
                    "The form expired or came from elsewhere; please sign in again.").build();
        }
        SignInService.Result result = signIn.completeSignIn(step, code);
        if (!result.ok() && !result.needsCode()) {
            return refused(result, then, null);
        }
        return signedIn(result, then);
    }

    /** Into the admin with a session, or on to the code step when the account has two-factor sign-in. */
    private Response signedIn(SignInService.Result result, String then) {
        if (result.needsCode()) {
            String csrf = Secrets.newToken();
            return Response.status(result.problem() == null ? 200 : 401).entity(page(codePage).data("csrf", csrf)
                    .data("then", localPath(then)).data("step", result.secondStep()).data("problem", result.problem())
                    .render()).cookie(formCsrfCookie(csrf)).build();
        }
        return Response.seeOther(URI.create(localPath(then))).cookie(sessionCookie(result.sessionToken()),
                expired(FORM_CSRF_COOKIE)).build();
    }

    @POST
    @Path("/sign-out")
    @Requires(Permission.ADMIN_AREA)
    @BeforeSecondFactor
    public Response signOut(@CookieParam(AccessFilter.SESSION_COOKIE) String session) {
        if (session != null) {
            signIn.signOut(session);
        }
        Response.ResponseBuilder response = Response.seeOther(URI.create("/admin/sign-in"))
                .cookie(expired(AccessFilter.SESSION_COOKIE));
        if (singleSignOn.enabled()) {
            // Quarkus OIDC's own session (tokens split into three cookies), or /admin/sso would sign straight back in.
            for (String oidcCookie : new String[] {"q_session", "q_session_at", "q_session_rt"}) {
                response.cookie(expired(oidcCookie));
            }
        }
        return response.build();
    }

    /**
     * Single sign-on: an anonymous browser is sent to the provider's login page (Quarkus OIDC's authorization-code
     * flow) and comes back here, where the provider's identity becomes a Quire session.
     */
    @GET
    @Path("/sso")
    @Public
    public Response singleSignOn() {
        if (!singleSignOn.enabled()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN)
                    .entity("Single sign-on is not configured on this site (quire.oidc.enabled).").build();
        }
        SecurityIdentity identity = identities.get();
        if (identity.isAnonymous()) {
            // Quarkus OIDC answers this with a redirect to the provider's login page.
            throw new UnauthorizedException();
        }
        Account account;
        try {
            account = singleSignOn.accountFor(identity);
        } catch (SingleSignOn.Refused refused) {
            return Response.status(403).type(MediaType.TEXT_PLAIN).entity(refused.getMessage()).build();
        }
        return Response.seeOther(URI.create("/admin/")).cookie(sessionCookie(signIn.openSession(account))).build();
    }

    @GET
    @Path("/password-link")
    @Public
    public Response passwordLinkForm(@QueryParam("token") String token) {
        Optional<Account> account = signIn.accountForLink(token);
        String csrf = Secrets.newToken();
        return Response.status(account.isPresent() ? 200 : 404).entity(page(setPasswordPage)
                .data("usable", account.isPresent()).data("handle", account.map(a -> a.handle).orElse(""))
                .data("token", token == null ? "" : token).data("csrf", csrf)
                .data("minimum", SignInService.MINIMUM_PASSWORD_LENGTH)
                .data("problem", account.isPresent() ? null
                        : "This link has expired or was already used; ask an administrator for a new one.")
                .render()).cookie(formCsrfCookie(csrf)).build();
    }

    @POST
    @Path("/password-link")
    @Public
    public Response usePasswordLink(@FormParam("token") String token, @FormParam("password") String password,
                                    @FormParam("_csrf") String csrf,
                                    @CookieParam(FORM_CSRF_COOKIE) String csrfCookie) {
        SignInService.Result result = Secrets.sameSecret(csrf, csrfCookie) ? signIn.usePasswordLink(token, password)
                : new SignInService.Result(null, "The form expired or came from elsewhere; open the link again.", null);
        if (!result.ok() && !result.needsCode()) {
            Optional<Account> account = signIn.accountForLink(token);
            String next = Secrets.newToken();
            return Response.status(400).entity(page(setPasswordPage).data("usable", account.isPresent())
                    .data("handle", account.map(a -> a.handle).orElse("")).data("token", token == null ? "" : token)
                    .data("csrf", next).data("minimum", SignInService.MINIMUM_PASSWORD_LENGTH)
                    .data("problem", result.problem()).render()).cookie(formCsrfCookie(next)).build();
        }
        return signedIn(result, "/admin/");
    }

    /** A page in the reader's language (the admin's Accept-Language choice). */
    private io.quarkus.qute.TemplateInstance page(Template template) {
        return template.instance().setLocale(chrome.locale()).data("lang", chrome.locale().toLanguageTag());
    }

    /** Only a path on this site, never another host: {@code //evil.example} and {@code https://…} become /admin/. */
    static String localPath(String then) {
        if (then == null || !then.startsWith("/") || then.startsWith("//") || then.contains("\\")) {
            return "/admin/";
        }
        return then;
    }

    private NewCookie sessionCookie(String token) {
        return new NewCookie.Builder(AccessFilter.SESSION_COOKIE).value(token).path("/").httpOnly(true)
                .secure(secure()).sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) SignInService.SESSION_LIFETIME.toSeconds()).build();
    }

    private NewCookie formCsrfCookie(String token) {
        return new NewCookie.Builder(FORM_CSRF_COOKIE).value(token).path("/admin/").httpOnly(true).secure(secure())
                .sameSite(NewCookie.SameSite.STRICT).maxAge(3600).build();
    }

    private NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path(name.equals(FORM_CSRF_COOKIE) ? "/admin/" : "/")
                .httpOnly(true).secure(secure()).maxAge(0).build();
    }

    /** Behind TLS (directly, or a proxy saying so when Quarkus trusts forwarded headers). */
    private boolean secure() {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
