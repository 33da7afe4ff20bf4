package org.quire.web.publicsite.dynamic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.quire.api.AuthorView;
import org.quire.api.DynamicRequest;
import org.quire.api.HostPage;
import org.quire.api.Page;
import org.quire.api.PostView;
import org.quire.api.Representation;
import org.quire.api.UrlPaths;
import org.quire.core.plugin.ActivePlugin;
import org.quire.core.plugin.PluginProblem;
import org.quire.core.plugin.PluginRegistry;
import org.quire.web.plugins.DatabaseSiteView;
import org.quire.web.plugins.PluginRuntime;
import org.quire.web.publicsite.PublicSiteRoutes;
import org.quire.web.publicsite.RenderedPage;
import org.quire.web.publicsite.PublishedSite;
import org.quire.web.publicsite.PublishedSites;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

    private static final Pattern AUTHOR = Pattern.compile("/authors/([^/]+)/");

    /** A representation with its media type read once, when the plugins were mounted. */
    private record Offered(ActivePlugin plugin, Representation representation, String mediaType) {
    }

    private record Mounts(PluginRegistry registry, List<Offered> offered) {
    }

    /** What a plugin may not answer instead of the page itself: browsers ask for these. */
    private static final Pattern PAGE_TYPES = Pattern.compile("text/html|application/xhtml\\+xml|.*\\*.*");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");

    private volatile Mounts mounts;

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
        PluginRegistry registry = plugins.registry();
        Mounts known = mounts;
        if (known == null || known.registry() != registry) {
            List<Offered> offered = new ArrayList<>();
            for (ActivePlugin plugin : registry.active()) {
                for (Representation representation : plugin.representations()) {
                    String type;
                    try {
                        type = representation.mediaType() == null ? ""
                                : representation.mediaType().strip().toLowerCase(java.util.Locale.ROOT);
                    } catch (RuntimeException | LinkageError e) {
                        type = "";
                    }
                    if (!MEDIA_TYPE.matcher(type).matches() || PAGE_TYPES.matcher(type).matches()) {
                        registry.report(new PluginProblem(plugin.id(), "mount", "a representation as '" + type
                                + "' is not served: give a media type other than HTML, such as"
                                + " application/activity+json", null));
                        continue;
                    }
                    offered.add(new Offered(plugin, representation, type));
                }
            }
            known = new Mounts(registry, List.copyOf(offered));
            mounts = known;
        }
        return known.offered();
    }

    private void handle(RoutingContext ctx) {
        String raw = ctx.request().path();
        List<Offered> offered = offered();
        String sitePath = offered.isEmpty() ? null : site.sitePathOf(raw);
        if (sitePath == null) {
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
        String accept = ctx.request().getHeader("Accept");
        if (accept == null) {
            ctx.next();
            return;
        }
        DynamicRequest asked = new DynamicRequest(raw, null, accept, null, null, null);
        double html = Math.max(asked.quality("text/html"), asked.quality("application/xhtml+xml"));
        // Only a type the client prefers to HTML: a browser that also names it, lower, still gets the page.
        Optional<Offered> wanted = offered.stream().filter(o -> asked.quality(o.mediaType()) > html)
                .max(java.util.Comparator.comparingDouble(o -> asked.quality(o.mediaType())));
        if (wanted.isEmpty()) {
            ctx.next();
            return;
        }
        ctx.vertx().<Optional<Page>>executeBlocking(() -> answer(wanted.get(), sitePath), false).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());   // the site's own failure (its database away): its error pages answer
            } else if (result.result().isEmpty()) {
                ctx.next();
            } else {
                DynamicRoutes.send(ctx, new RenderedPage(200, result.result().get().contentType(),
                        result.result().get().body(), null, java.util.Set.of(), null));
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
            Optional<Page> answer = offered.representation().represent(page.get());
            if (answer == null) {
                throw new IllegalStateException("represent() returned null rather than empty");
            }
            answer.ifPresent(DynamicRoutes::check);
            return answer;
        } catch (RuntimeException | LinkageError e) {
            plugins.registry().report(new PluginProblem(offered.plugin().id(), "representation", "answering "
                    + encodedPath + " as " + offered.mediaType() + " failed: " + e, e));
            // The page itself is still there for the client.
            return Optional.empty();
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
                    .filter(a -> a.handle().equalsIgnoreCase(author.group(1).strip())).findFirst();
            return found.map(a -> new HostPage(HostPage.Kind.AUTHOR, encodedPath, null, Optional.of(a)));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            PublishedSite published = publishedSites.current();
            PublishedSite.Entry entry = published.byPath(path);
            if (entry == null) {
                return Optional.<HostPage>empty();
            }
            PostView view = siteView.view(entry, published.html(entry));   // as the HTML page shows it
            return Optional.of(new HostPage(HostPage.Kind.POST, encodedPath, Optional.of(view), null));
        });
    }
}
