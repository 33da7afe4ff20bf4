package org.quire.web.publicsite.dynamic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quire.api.AuthorView;
import org.quire.api.DynamicRequest;
import org.quire.api.HostPage;
import org.quire.api.Page;
import org.quire.api.PostView;
import org.quire.api.Representation;
import org.quire.api.UrlPaths;
import org.quire.core.plugin.ActivePlugin;
import org.quire.core.plugin.PluginProblem;
import org.quire.web.content.Post;
import org.quire.web.plugins.DatabaseSiteView;
import org.quire.web.plugins.PluginRuntime;
import org.quire.web.publicsite.PublicSiteRoutes;
import org.quire.web.publicsite.PublishedSite;
import org.quire.web.publicsite.PublishedSites;
import org.quire.web.site.CorePaths;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a host page (a post, an author, the home page) in another media type when the client names one a
 * running plugin offers ({@link Representation}, API 1.5), before the page cache; otherwise the page is served as
 * always, with {@code Vary: Accept} while any plugin offers a representation.
 */
@ApplicationScoped
public class Representations {

    private static final Logger LOG = Logger.getLogger(Representations.class);
    private static final Pattern AUTHOR = Pattern.compile("/authors/([^/]+)/");

    private record Offered(ActivePlugin plugin, Representation representation) {
    }

    @Inject
    PluginRuntime plugins;

    @Inject
    PublicSiteRoutes site;

    @Inject
    PublishedSites publishedSites;

    @Inject
    DatabaseSiteView siteView;

    void register(@Observes Router router) {
        // After the dynamic routes (-15), before the public site and its cache (-10).
        router.route().order(-12).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::handle);
    }

    private List<Offered> offered() {
        List<Offered> offered = new ArrayList<>();
        for (ActivePlugin plugin : plugins.active()) {
            for (Representation representation : plugin.representations()) {
                offered.add(new Offered(plugin, representation));
            }
        }
        return offered;
    }

    private void handle(RoutingContext ctx) {
        String raw = ctx.request().path();
        List<Offered> offered = offered();
        if (offered.isEmpty() || CorePaths.APPLICATION_PREFIXES.stream().anyMatch(raw::startsWith)) {
            ctx.next();
            return;
        }
        ctx.addHeadersEndHandler(ignored -> {
            String vary = ctx.response().headers().get("Vary");
            if (vary == null || !vary.toLowerCase(java.util.Locale.ROOT).contains("accept,")
                    && !vary.toLowerCase(java.util.Locale.ROOT).endsWith("accept")) {
                ctx.response().headers().set("Vary", vary == null || vary.isBlank() ? "Accept" : vary + ", Accept");
            }
        });
        String encodedBase = UrlPaths.encodePath(site.basePath() == null ? "" : site.basePath());
        String accept = ctx.request().getHeader("Accept");
        if (accept == null || !encodedBase.isEmpty() && !raw.startsWith(encodedBase + "/")) {
            ctx.next();
            return;
        }
        DynamicRequest asked = new DynamicRequest(raw, null, accept, null, null, null);
        Optional<Offered> wanted = offered.stream().filter(o -> asked.accepts(o.representation().mediaType()))
                .findFirst();
        if (wanted.isEmpty()) {
            ctx.next();
            return;
        }
        String sitePath = raw.substring(encodedBase.length());
        ctx.vertx().<Optional<Page>>executeBlocking(() -> answer(wanted.get(), sitePath), false).onComplete(result -> {
            if (result.failed()) {
                LOG.errorf(result.cause(), "Answering %s as %s failed", raw, wanted.get().representation().mediaType());
                ctx.response().setStatusCode(500).putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .putHeader("Cache-Control", "no-store")
                        .end("The site could not answer this just now. Try again later.");
            } else if (result.result().isEmpty()) {
                ctx.next();
            } else {
                Page page = result.result().get();
                ctx.response().setStatusCode(200).putHeader("Content-Type", page.contentType())
                        .putHeader("Cache-Control", "no-store");
                if (ctx.request().method() == HttpMethod.HEAD) {
                    ctx.response().putHeader("Content-Length", Integer.toString(page.body().length)).end();
                } else {
                    ctx.response().end(Buffer.buffer(page.body()));
                }
            }
        });
    }

    /** The page as the plugin has it, or empty when it is not a host page or the plugin has no such form. */
    private Optional<Page> answer(Offered offered, String encodedPath) {
        Optional<HostPage> page = hostPage(encodedPath);
        if (page.isEmpty()) {
            return Optional.empty();
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(offered.plugin().classLoader());
            return offered.representation().represent(page.get());
        } catch (RuntimeException | LinkageError e) {
            plugins.registry().report(new PluginProblem(offered.plugin().id(), "representation", "answering "
                    + encodedPath + " as " + offered.representation().mediaType() + " failed: " + e, e));
            throw e;
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private Optional<HostPage> hostPage(String encodedPath) {
        if (encodedPath.equals("/")) {
            return Optional.of(new HostPage(HostPage.Kind.HOME, encodedPath, null, null));
        }
        String path = UrlPaths.decode(encodedPath);
        Matcher author = AUTHOR.matcher(path);
        if (author.matches()) {
            Optional<AuthorView> found = siteView.authors().stream()
                    .filter(a -> a.handle().equals(author.group(1))).findFirst();
            return found.map(a -> new HostPage(HostPage.Kind.AUTHOR, encodedPath, null, Optional.of(a)));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            PublishedSite.Entry entry = publishedSites.current().byPath(path);
            if (entry == null) {
                return Optional.<HostPage>empty();
            }
            Post post = Post.findById(entry.id());
            PostView view = post == null ? null : siteView.view(post);
            return Optional.ofNullable(view).map(v -> new HostPage(HostPage.Kind.POST, encodedPath, Optional.of(v),
                    null));
        });
    }
}
