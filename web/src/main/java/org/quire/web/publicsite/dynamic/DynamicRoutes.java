package org.quire.web.publicsite.dynamic;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quire.api.DynamicRequest;
import org.quire.api.DynamicRoute;
import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.UrlPaths;
import org.quire.core.plugin.ActivePlugin;
import org.quire.core.plugin.PluginProblem;
import org.quire.core.plugin.PluginRegistry;
import org.quire.web.plugins.PluginRoutes;
import org.quire.web.plugins.PluginRuntime;
import org.quire.web.publicsite.PublicPages;
import org.quire.web.publicsite.PublicSiteRoutes;
import org.quire.web.publicsite.PublishedSite;
import org.quire.web.publicsite.PublishedSites;
import org.quire.web.publicsite.RenderedPage;
import org.quire.web.publicsite.input.Visitors;
import org.quire.web.site.PathClaim;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers GETs to plugins' {@link DynamicRoute}s (API 1.5) on a worker thread, with the query string and the
 * {@code Accept} header, before the public site's cache sees the request: every answer is {@code no-store} and
 * varies by {@code Accept}. A themed page is shown in the site's layout; an empty answer is the site's 404 page.
 * New posts may not take the routes' paths; a post that had one before the plugin was turned on keeps it.
 */
@ApplicationScoped
public class DynamicRoutes implements PathClaim {

    private static final int MOST_PARAMETERS = 64;

    private record Mounted(ActivePlugin plugin, String patternText, DynamicRoute route, Pattern pattern) {
    }

    private record Mounts(PluginRegistry registry, List<Mounted> routes) {
    }

    @Inject
    PluginRuntime plugins;

    @Inject
    PublicSiteRoutes site;

    @Inject
    PublicPages pages;

    @Inject
    Clock clock;

    @Inject
    PublishedSites publishedSites;

    private volatile Mounts mounts;

    void register(@Observes Router router) {
        // After the reader input (-20) and before the public site and its cache (-10).
        router.route().order(-15).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::handle);
    }

    private List<Mounted> routes() {
        PluginRegistry registry = plugins.registry();
        Mounts known = mounts;
        if (known == null || known.registry() != registry) {
            Set<String> pagePatterns = registry.active().stream().flatMap(p -> p.routes().stream())
                    .map(PageRoute::pattern).collect(Collectors.toSet());
            List<Mounted> routes = new ArrayList<>();
            for (ActivePlugin plugin : registry.active()) {
                for (DynamicRoute route : plugin.dynamicRoutes()) {
                    String pattern;
                    try {
                        pattern = route.pattern();
                    } catch (RuntimeException | LinkageError e) {
                        pattern = null;
                    }
                    String problem = pagePatterns.contains(pattern)
                            ? "a page route serves the same pattern" : PluginRoutes.shadowProblem(pattern);
                    if (problem != null) {
                        registry.report(new PluginProblem(plugin.id(), "mount", "dynamic route " + pattern
                                + " is not served: " + problem, null));
                        continue;
                    }
                    routes.add(new Mounted(plugin, pattern, route, PluginRoutes.compile(pattern)));
                }
            }
            known = new Mounts(registry, List.copyOf(routes));
            mounts = known;
        }
        return known.routes();
    }

    private Optional<Mounted> match(String encodedSitePath) {
        return routes().stream().filter(m -> m.pattern().matcher(encodedSitePath).matches()).findFirst();
    }

    /** The running plugin whose dynamic route answers {@code sitePath}: posts may not take its paths. */
    @Override
    public Optional<String> ownerOf(String sitePath) {
        return match(UrlPaths.encodePath(sitePath)).map(m -> "the plugin '" + m.plugin().id()
                + "' (its dynamic route " + m.patternText() + ")");
    }

    private void handle(RoutingContext ctx) {
        String raw = ctx.request().path();
        String sitePath = site.sitePathOf(raw);
        Optional<Mounted> match = sitePath == null ? Optional.empty() : match(sitePath);
        if (match.isEmpty()) {
            ctx.next();
            return;
        }
        ctx.vertx().<RenderedPage>executeBlocking(() -> answer(ctx, match.get(), sitePath), false)
                .onComplete(result -> {
                    if (result.failed()) {
                        ctx.fail(result.cause());   // the site's own failure (its database away): its error pages
                    } else if (result.result() == null) {
                        ctx.next();
                    } else {
                        send(ctx, result.result());
                    }
                });
    }

    /** The answer, or null when a post has this address (or had it): posts keep theirs, as with page routes. */
    private RenderedPage answer(RoutingContext ctx, Mounted mounted, String sitePath) {
        String decoded = UrlPaths.decode(sitePath);
        boolean aPostsAddress = QuarkusTransaction.requiringNew().call(() -> {
            PublishedSite published = publishedSites.current();
            return published.byPath(decoded) != null || published.redirect(decoded) != null;
        });
        if (aPostsAddress) {
            return null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        String rawQuery = ctx.request().query();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            try {
                new QueryStringDecoder(rawQuery, StandardCharsets.UTF_8, false, MOST_PARAMETERS).parameters()
                        .forEach((name, values) -> query.put(name, List.copyOf(values)));
            } catch (IllegalArgumentException e) {
                return text(400, "The query string is not well encoded: " + e.getMessage());
            }
        }
        String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        DynamicRequest request = new DynamicRequest(sitePath, query, ctx.request().getHeader("Accept"),
                ctx.request().getHeader("Accept-Language"), Visitors.of(ctx, clock.instant()), client);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        Optional<Page> page;
        try {
            thread.setContextClassLoader(mounted.plugin().classLoader());
            page = mounted.route().answer(request);
            if (page == null) {
                throw new IllegalStateException("answer() returned null rather than empty");
            }
            page.ifPresent(DynamicRoutes::check);
        } catch (IllegalArgumentException refused) {
            return text(400, refused.getMessage() == null ? "This request is not understood." : refused.getMessage());
        } catch (RuntimeException | LinkageError e) {
            plugins.registry().report(new PluginProblem(mounted.plugin().id(), "dynamic", "answering " + sitePath
                    + " failed: " + e, e));
            return text(500, "The site could not answer this just now. Try again later.");
        } finally {
            thread.setContextClassLoader(before);
        }
        if (page.isEmpty()) {
            return pages.notFound();
        }
        if (page.get().themed()) {
            return QuarkusTransaction.requiringNew().call(() -> pages.themedPluginPage(publishedSites.current().site(),
                    UrlPaths.decode(sitePath), page.get(), Set.of()));
        }
        return new RenderedPage(200, page.get().contentType(), page.get().body(), null, Set.of(), null);
    }

    private static RenderedPage text(int status, String message) {
        return new RenderedPage(status, "text/plain; charset=UTF-8", message, null, Set.of(), null);
    }

    /** A plugin's answer the host can send: a content type that is one header line. */
    static void check(Page page) {
        String type = page.contentType();
        if (type == null || type.isBlank() || type.indexOf('\r') >= 0 || type.indexOf('\n') >= 0) {
            throw new IllegalStateException("the answer's content type '" + type + "' is not a media type");
        }
    }

    /** Sends an answer made on request: never stored, and varying by what the client accepts. */
    static void send(RoutingContext ctx, RenderedPage page) {
        if (ctx.response().ended()) {
            return;
        }
        try {
            ctx.response().setStatusCode(page.status()).putHeader("Content-Type", page.contentType())
                    .putHeader("Cache-Control", "no-store").putHeader("Vary", "Accept");
            if (ctx.request().method() == HttpMethod.HEAD) {
                ctx.response().putHeader("Content-Length", Integer.toString(page.body().length)).end();
            } else {
                ctx.response().end(Buffer.buffer(page.body()));
            }
        } catch (RuntimeException e) {
            ctx.fail(e);
        }
    }
}
