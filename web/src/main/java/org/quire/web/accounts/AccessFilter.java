package org.quire.web.accounts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The one place where requests to the REST resources are authenticated and authorised:
 * <ol>
 *   <li>who: the session cookie, an {@code Authorization: Bearer qt_…} API token, or (with single sign-on on)
 *       the provider's bearer access token; a deactivated account, an expired session or a revoked token is
 *       anonymous;</li>
 *   <li>may they: the method's (or its class's) {@link Requires} permission, or {@link Public}; a method with
 *       neither is refused, so a new endpoint without a rule fails closed;</li>
 *   <li>is it them: a state-changing request made with the session cookie must carry the session's CSRF token, in
 *       the {@code X-CSRF-Token} header or the form field {@code _csrf}; API tokens are not sent by browsers on
 *       their own, so they need none.</li>
 * </ol>
 * Anonymous requests to protected endpoints get 401 (pages: a redirect to the sign-in page), signed-in requests
 * without the permission 403.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {

    public static final String SESSION_COOKIE = "quire_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final int MULTIPART_HEAD_BYTES = 4096;
    static final Duration SESSION_TOUCH_INTERVAL = Duration.ofMinutes(5);
    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Context
    ResourceInfo resource;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    SingleSignOn singleSignOn;

    /** Resolved only for a provider's bearer token: authentication is not proactive. */
    @Inject
    Instance<SecurityIdentity> identities;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        authenticate(request);
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Optional<Permission> needed = requirement(method);
        boolean open = isPublic(method);
        if (needed.isEmpty() && !open) {
            request.abortWith(problem(Response.Status.FORBIDDEN, "This endpoint declares no permission, so no one may use it."));
            return;
        }
        if (needed.isPresent() && !currentUser.isSignedIn()) {
            request.abortWith(wantsHtml(request) ? Response.seeOther(signInUri(request)).build()
                    : problem(Response.Status.UNAUTHORIZED, "Sign in, or send an API token, to use this."));
            return;
        }
        if (needed.isPresent() && !currentUser.may(needed.get())) {
            request.abortWith(problem(Response.Status.FORBIDDEN, "Your role (" + currentUser.role().id()
                    + ") may not do this; it needs " + needed.get().lowestRole().id() + " or above."));
            return;
        }
        if (currentUser.via() == CurrentUser.Via.SESSION && !SAFE_METHODS.contains(request.getMethod())
                && !csrfTokenMatches(request, currentUser.session().csrfToken)) {
            request.abortWith(problem(Response.Status.FORBIDDEN,
                    "The request lacks this session's CSRF token (the " + CSRF_FIELD + " form field or the "
                            + CSRF_HEADER + " header); reload the page and try again."));
            return;
        }
        if (needed.isPresent() && currentUser.via() == CurrentUser.Via.SESSION && !allowedBeforeSecondFactor(method)
                && secondFactorMissing()) {
            request.abortWith(wantsHtml(request) ? Response.seeOther(URI.create("/admin/profile/two-factor")).build()
                    : problem(Response.Status.FORBIDDEN, "This site requires two-factor sign-in for your role ("
                    + currentUser.role().id() + "); set it up first (/admin/profile/two-factor or"
                    + " POST /api/admin/me/two-factor)."));
        }
    }

    private static boolean allowedBeforeSecondFactor(Method method) {
        return method.isAnnotationPresent(BeforeSecondFactor.class)
                || method.getDeclaringClass().isAnnotationPresent(BeforeSecondFactor.class);
    }

    /** Only asked of sessions whose account could be covered, so most requests read no site settings. */
    private boolean secondFactorMissing() {
        Account account = currentUser.account();
        if (account.totpSecret != null || account.passwordHash == null || !account.role.atLeast(Role.EDITOR)) {
            return false;
        }
        return QuarkusTransaction.joiningExisting().call(() -> TwoFactor.missing(account,
                org.quire.web.site.Site.get().twoFactorRequired));
    }

    /** The permission a resource method needs: its own annotation, else its class's. */
    public static Optional<Permission> requirement(Method method) {
        Requires onMethod = method.getAnnotation(Requires.class);
        if (onMethod != null) {
            return Optional.of(onMethod.value());
        }
        Requires onClass = method.getDeclaringClass().getAnnotation(Requires.class);
        return Optional.ofNullable(onClass).map(Requires::value);
    }

    public static boolean isPublic(Method method) {
        return method.isAnnotationPresent(Public.class)
                || (method.getAnnotation(Requires.class) == null
                && method.getDeclaringClass().isAnnotationPresent(Public.class));
    }

    private void authenticate(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            if (token.startsWith(ApiToken.PREFIX)) {
                authenticateToken(token);
            } else if (singleSignOn.enabled()) {
                authenticateProviderToken();
            }
            return;
        }
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        if (cookie != null && !cookie.getValue().isBlank()) {
            authenticateSession(cookie.getValue());
        }
    }

    private void authenticateSession(String token) {
        Instant now = clock.instant();
        QuarkusTransaction.joiningExisting().run(() -> SignInSession.findByToken(token).ifPresent(session -> {
            if (!session.account.active || !session.account.canSignIn || !now.isBefore(session.expiresAt)) {
                return;
            }
            // Sliding expiry, written at most every few minutes rather than on every request.
            if (Duration.between(session.lastSeenAt, now).compareTo(SESSION_TOUCH_INTERVAL) > 0) {
                session.lastSeenAt = now;
                session.expiresAt = now.plus(SignInService.SESSION_LIFETIME);
            }
            currentUser.signedIn(session.account, session.account.role, CurrentUser.Via.SESSION, session);
        }));
    }

    private void authenticateToken(String token) {
        Instant now = clock.instant();
        QuarkusTransaction.joiningExisting().run(() -> ApiToken.findByToken(token).ifPresent(apiToken -> {
            if (!apiToken.usableAt(now)) {
                return;
            }
            if (apiToken.lastUsedAt == null
                    || Duration.between(apiToken.lastUsedAt, now).compareTo(SESSION_TOUCH_INTERVAL) > 0) {
                apiToken.lastUsedAt = now;
            }
            currentUser.signedIn(apiToken.account, apiToken.account.role.atMost(apiToken.role),
                    CurrentUser.Via.API_TOKEN, null);
        }));
    }

    /** An access token of the OpenID Connect provider, checked by Quarkus OIDC when first asked for here. */
    private void authenticateProviderToken() {
        SecurityIdentity identity;
        try {
            identity = identities.get();
        } catch (AuthenticationFailedException | io.quarkus.security.UnauthorizedException e) {
            return;
        }
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        try {
            Account account = singleSignOn.accountFor(identity);
            currentUser.signedIn(account, account.role, CurrentUser.Via.PROVIDER_TOKEN, null);
        } catch (SingleSignOn.Refused refused) {
            // Stays anonymous: the endpoint's rule answers 401.
        }
    }

    private static boolean csrfTokenMatches(ContainerRequestContext request, String expected) {
        String header = request.getHeaderString(CSRF_HEADER);
        if (header != null) {
            return Secrets.sameSecret(header, expected);
        }
        String field = MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(request.getMediaType())
                ? multipartField(request, CSRF_FIELD) : formField(request, CSRF_FIELD);
        return Secrets.sameSecret(field, expected);
    }

    /**
     * Reads one small field of a multipart form (an upload form's {@code _csrf}, which browsers send first, as it
     * comes first in the form) from the start of the body, and puts those bytes back in front of the rest, so an
     * upload is never read into memory here.
     */
    static String multipartField(ContainerRequestContext request, String name) {
        String boundary = request.getMediaType().getParameters().get("boundary");
        if (boundary == null || !request.hasEntity()) {
            return null;
        }
        try {
            InputStream body = request.getEntityStream();
            byte[] head = body.readNBytes(MULTIPART_HEAD_BYTES);
            request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), body));
            String text = new String(head, StandardCharsets.ISO_8859_1);
            int part = text.indexOf("Content-Disposition: form-data; name=\"" + name + "\"");
            int start = part < 0 ? -1 : text.indexOf("\r\n\r\n", part);
            int end = start < 0 ? -1 : text.indexOf("\r\n--" + boundary, start + 4);
            return end < 0 ? null : text.substring(start + 4, end);
        } catch (IOException e) {
            return null;
        }
    }

    /** Reads one field of a URL-encoded form body and puts the body back for the resource method. */
    static String formField(ContainerRequestContext request, String name) {
        if (!MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(request.getMediaType()) || !request.hasEntity()) {
            return null;
        }
        try {
            // The whole body (quarkus.http.limits.max-body-size bounds it): the resource reads it again after us,
            // and a form cut short here would save a post cut short.
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
                int equals = pair.indexOf('=');
                String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static boolean wantsHtml(ContainerRequestContext request) {
        return request.getMethod().equals(HttpMethod.GET) && request.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
    }

    private static URI signInUri(ContainerRequestContext request) {
        return URI.create("/admin/sign-in?then=" + java.net.URLEncoder.encode(
                request.getUriInfo().getRequestUri().getRawPath(), StandardCharsets.UTF_8));
    }

    /** The JSON error every admin endpoint answers with: {@code {"status": 403, "error": "…"}}. */
    public static Response problem(Response.Status status, String message) {
        return problem(status.getStatusCode(), message);
    }

    /** The same, for codes {@link Response.Status} does not name (507 Insufficient Storage). */
    public static Response problem(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", status, "error", message)).build();
    }
}
