package org.quire.web.publicsite;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quire.api.UrlPaths;
import org.quire.web.site.CorePaths;
import org.quire.web.site.Site;

import io.netty.buffer.Unpooled;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the public site. A cached page is answered on the I/O thread without touching the database (with 304 for
 * a matching {@code If-None-Match} or {@code If-Modified-Since}, and the stored gzip form when the client accepts
 * it); a miss is rendered on a worker thread and cached. Paths of the application itself ({@code /q/},
 * {@code /api/}, {@code /static/}, {@code /admin/}) pass through to their own handlers.
 */
@ApplicationScoped
public class PublicSiteRoutes {

    private static final Logger LOG = Logger.getLogger(PublicSiteRoutes.class);
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("public, max-age=0, must-revalidate");
    private static final CharSequence ACCEPT_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence IDENTITY = HttpHeaders.createOptimized("identity");

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    PublicPages pages;

    @Inject
    PageCache cache;

    private volatile String basePath;

    void register(@Observes Router router) {
        router.route().order(-10).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::handle);
    }

    /** Reads the base path once the first-run setup (default observer priority) has created the site. */
    void loadSettings(@Observes @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 1000)
                      io.quarkus.runtime.StartupEvent event) {
        reloadSettings();
    }

    /** Reads the settings this class keeps again, after a restore replaced the site's. */
    public void reloadSettings() {
        basePath = QuarkusTransaction.requiringNew().call(() -> Site.get().basePath);
    }

    /** The site's base path as the public site serves it (empty for the root), for the other public handlers. */
    public String basePath() {
        return basePath;
    }

    /**
     * The site path a request for {@code rawPath} names, percent-encoded and without the base path; null for the
     * application's own paths (admin, API, media, …) and for paths outside the base path.
     */
    public String sitePathOf(String rawPath) {
        for (String prefix : CorePaths.APPLICATION_PREFIXES) {
            if (rawPath.startsWith(prefix)) {
                return null;
            }
        }
        String encodedBase = UrlPaths.encodePath(basePath() == null ? "" : basePath());
        if (!encodedBase.isEmpty() && !rawPath.startsWith(encodedBase + "/")) {
            return null;
        }
        return rawPath.substring(encodedBase.length());
    }

    private void handle(RoutingContext ctx) {
        String raw = ctx.request().path();
        for (String prefix : CorePaths.APPLICATION_PREFIXES) {
            if (raw.startsWith(prefix)) {
                ctx.next();
                return;
            }
        }
        String encodedBase = UrlPaths.encodePath(basePath());
        if (!encodedBase.isEmpty()) {
            if (raw.equals(encodedBase)) {
                redirect(ctx, "/");
                return;
            }
            if (!raw.startsWith(encodedBase + "/")) {
                ctx.next();
                return;
            }
            raw = raw.substring(encodedBase.length());
        }
        // Cached by the path as requested; pages are dropped by what they show, so two spellings of one path are
        // both dropped when it changes.
        PageCache.Entry cached = cache.get(raw);
        if (cached != null) {
            serve(ctx, cached);
            return;
        }
        String encodedPath = raw;
        String sitePath = decode(raw);
        if (sitePath == null) {
            ctx.next();
            return;
        }
        long dropsBeforeRendering = cache.dropsSoFar();
        ctx.vertx().<RenderedPage>executeBlocking(() -> {
            // Cache misses only: how long a page takes to render, by outcome, for Prometheus (/q/metrics).
            long started = System.nanoTime();
            RenderedPage rendered = pages.render(sitePath, encodedPath);
            metrics.timer("quire.page.render", "status", Integer.toString(rendered.status()))
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
            return rendered;
        }, false).onComplete(result -> {
            if (result.failed()) {
                LOG.errorf(result.cause(), "Rendering %s failed", sitePath);
                ctx.fail(500, result.cause());
                return;
            }
            RenderedPage page = result.result();
            if (page.status() == 301) {
                redirect(ctx, page.location());
            } else if (page.cacheable()) {
                serve(ctx, cache.put(encodedPath, page, dropsBeforeRendering));
            } else {
                ctx.response().setStatusCode(page.status()).putHeader(HttpHeaders.CONTENT_TYPE, page.contentType())
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
                end(ctx, page.body());
            }
        });
    }

    private void serve(RoutingContext ctx, PageCache.Entry page) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.ETAG, page.etag())
                .putHeader(HttpHeaders.LAST_MODIFIED, page.lastModifiedHeader())
                .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .putHeader(HttpHeaders.VARY, ACCEPT_ENCODING);
        if (notModified(request, page)) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, page.contentType());
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
        response.putHeader(HttpHeaders.CONTENT_ENCODING, gzip ? GZIP : IDENTITY);
        end(ctx, gzip ? page.gzipped() : page.body());
    }

    private static void end(RoutingContext ctx, byte[] body) {
        HttpServerResponse response = ctx.response();
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length)).end();
        } else {
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(body)));
        }
    }

    private static boolean notModified(HttpServerRequest request, PageCache.Entry page) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.trim();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals(page.etag()) || candidate.equals("*")) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !page.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private void redirect(RoutingContext ctx, String sitePath) {
        ctx.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, basePath() + encode(sitePath))
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").end();
    }

    /** Percent-encodes each segment of a site path for a Location header. */
    static String encode(String sitePath) {
        return UrlPaths.encodePath(sitePath);
    }

    /** The request path as text: percent-encoded UTF-8 decoded; null when it is not valid UTF-8. */
    static String decode(String rawPath) {
        String decoded = UrlPaths.decode(rawPath);
        return decoded.indexOf('\uFFFD') >= 0 && rawPath.indexOf('\uFFFD') < 0 ? null : decoded;
    }
}
