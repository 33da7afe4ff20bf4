package org.quire.web.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The security headers of every answer, set in one place before any handler runs (see {@code docs/security.md}):
 * a Content-Security-Policy that lets no inline or foreign script run on public and admin pages, a stricter
 * sandboxing one for media files, and the usual companions. Behind TLS also Strict-Transport-Security.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    /**
     * Pages: scripts only from this site's own files (the admin's {@code /static/admin.js}; JSON-LD is data, not
     * script); images, video and frames also over https, since posts embed them; inline style attributes, which
     * imported trusted HTML uses and which cannot run code; no plugins, no foreign base or form targets, and no
     * framing by other sites.
     */
    public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' https: data:; media-src 'self' https:; frame-src 'self' https:; object-src 'none';"
            + " base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /** Media opened on their own: nothing runs, and the document gets an origin of its own (sandbox). */
    public static final String MEDIA_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline';"
            + " sandbox";

    /** PDFs: the browser's viewer does not open sandboxed documents, so they keep an origin but still load nothing. */
    public static final String PDF_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline';"
            + " object-src 'self'; frame-ancestors 'self'";

    private final String pagePolicy;

    public SecurityHeaders(@ConfigProperty(name = "quire.http.content-security-policy", defaultValue = PAGE_POLICY)
                           String pagePolicy) {
        this.pagePolicy = pagePolicy;
    }

    void register(@Observes Router router) {
        router.route().order(-100).handler(this::addHeaders);
    }

    private void addHeaders(RoutingContext ctx) {
        String path = ctx.request().path();
        boolean https = "https".equals(ctx.request().scheme());
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
            headers.set("X-Frame-Options", "SAMEORIGIN");
            headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            if (https) {
                headers.set("Strict-Transport-Security", "max-age=31536000");
            }
            if (isPrivate(path)) {
                // Admin pages and answers carry drafts, account data and CSRF tokens: no cache may keep them.
                headers.set("Cache-Control", "no-store");
            }
            if (path.startsWith("/media/")) {
                String type = headers.get("Content-Type");
                headers.set(CONTENT_SECURITY_POLICY, type != null && type.startsWith("application/pdf")
                        ? PDF_POLICY : MEDIA_POLICY);
            } else if (!headers.contains(CONTENT_SECURITY_POLICY)) {
                headers.set(CONTENT_SECURITY_POLICY, pagePolicy);
            }
        });
        ctx.next();
    }

    /** The admin area, its sign-in and the admin and runtime APIs. */
    static boolean isPrivate(String path) {
        return path.equals("/admin") || path.startsWith("/admin/") || path.startsWith("/api/admin/")
                || path.equals("/api/admin") || path.startsWith("/api/runtime");
    }
}
