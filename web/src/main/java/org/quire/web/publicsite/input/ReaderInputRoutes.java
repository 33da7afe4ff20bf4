package org.quire.web.publicsite.input;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quire.api.input.Honeypot;
import org.quire.api.input.InputAnswer;
import org.quire.api.input.InputRoute;
import org.quire.api.input.ReaderInput;
import org.quire.core.plugin.ActivePlugin;
import org.quire.core.plugin.PluginProblem;
import org.quire.core.plugin.PluginRegistry;
import org.quire.web.accounts.AccessFilter;
import org.quire.web.plugins.PluginRoutes;
import org.quire.web.plugins.PluginRuntime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Takes readers' POSTs to plugins' {@link InputRoute}s (API 1.4), checking before the plugin sees anything: how
 * often the client posted (429 with {@code Retry-After}), the size (413), that a browser form comes from the site's
 * own pages or an origin configured for it (403), and the content type (415) and syntax (400) of the body. The
 * plugin gets the fields without the CSRF token or the honeypot, the signed-in staff account if any, and never a
 * cookie. Other POSTs pass through to their handlers.
 */
@ApplicationScoped
public class ReaderInputRoutes {

    private static final Logger LOG = Logger.getLogger(ReaderInputRoutes.class);

    /** A plugin's input route with its pattern compiled. */
    private record Mounted(ActivePlugin plugin, InputRoute route, Pattern pattern) {
    }

    private record Mounts(PluginRegistry registry, List<Mounted> routes) {
    }

    @Inject
    PluginRuntime plugins;

    @Inject
    ObjectMapper json;

    @Inject
    org.quire.web.publicsite.PublicSiteRoutes site;

    @Inject
    Clock clock;

    @Inject
    org.quire.web.plugins.DatabaseSiteView siteView;

    /** Origins besides the site's own whose pages may post forms here (a static export hosted elsewhere). */
    @ConfigProperty(name = "quire.input.allowed-origins")
    Optional<List<String>> allowedOrigins;

    /** When set, every input route's posts per client and minute; otherwise each route's own. */
    @ConfigProperty(name = "quire.input.per-minute")
    Optional<Integer> perMinuteOverride;

    private final RateLimits limits = new RateLimits(System::nanoTime);
    private volatile Mounts mounts;

    void register(@Observes Router router) {
        // After the size limit (-50) and before the public site (-10), which takes only GET and HEAD.
        router.route().order(-20).method(HttpMethod.POST).handler(this::handle);
    }

    private List<Mounted> routes() {
        PluginRegistry registry = plugins.registry();
        Mounts known = mounts;
        if (known == null || known.registry() != registry) {
            List<Mounted> routes = new ArrayList<>();
            for (ActivePlugin plugin : registry.active()) {
                for (InputRoute route : plugin.inputRoutes()) {
                    String problem = PluginRoutes.shadowProblem(route.pattern());
                    if (problem != null) {
                        registry.report(new PluginProblem(plugin.id(), "mount", "input route " + route.pattern()
                                + " is not served: " + problem, null));
                        continue;
                    }
                    routes.add(new Mounted(plugin, route, PluginRoutes.compile(route.pattern())));
                }
            }
            known = new Mounts(registry, List.copyOf(routes));
            mounts = known;
        }
        return known.routes();
    }

    private void handle(RoutingContext ctx) {
        String raw = ctx.request().path();
        String sitePath = site.sitePathOf(raw);
        if (sitePath == null) {
            ctx.next();
            return;
        }
        Optional<Mounted> match = routes().stream().filter(m -> m.pattern().matcher(sitePath).matches()).findFirst();
        if (match.isEmpty()) {
            ctx.next();
            return;
        }
        Mounted mounted = match.get();
        InputRoute route = mounted.route();
        String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        int perMinute = Math.max(1, perMinuteOverride.orElse(route.perMinute()));
        long wait = limits.take(mounted.plugin().id() + " " + route.pattern() + " " + client, perMinute);
        if (wait > 0) {
            ctx.response().putHeader("Retry-After", Long.toString(wait));
            refuse(ctx, 429, "Too many posts to " + raw + " from your address: it takes " + perMinute
                    + " a minute. Try again in " + wait + " s.");
            return;
        }
        int maxBytes = Math.max(0, Math.min(route.maxBytes(), InputRoute.LARGEST_BODY));
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null && declared.trim().matches("\\d{1,18}") && Long.parseLong(declared.trim()) > maxBytes) {
            ctx.response().putHeader("Connection", "close");
            refuse(ctx, 413, "What you sent is " + declared.trim() + " bytes; " + raw + " takes at most " + maxBytes
                    + ".");
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        ctx.request().handler(chunk -> {
            if (!tooLarge[0] && body.length() + chunk.length() > maxBytes) {
                tooLarge[0] = true;
                ctx.response().putHeader("Connection", "close");
                refuse(ctx, 413, "What you sent is more than " + maxBytes + " bytes; " + raw + " takes at most "
                        + maxBytes + ".");
            } else if (!tooLarge[0]) {
                body.appendBuffer(chunk);
            }
        });
        ctx.request().endHandler(end -> {
            if (tooLarge[0]) {
                return;
            }
            ctx.vertx().<InputAnswer>executeBlocking(() -> answer(ctx, mounted, sitePath, client, body), false)
                    .onComplete(result -> {
                        if (result.failed()) {
                            LOG.errorf(result.cause(), "Input to %s failed", raw);
                            refuse(ctx, 500, "The site could not take this just now. Try again later.");
                        } else {
                            send(ctx, result.result());
                        }
                    });
        });
    }

    /** The checks that need the site or the body, then the plugin; runs on a worker thread. */
    private InputAnswer answer(RoutingContext ctx, Mounted mounted, String path, String client, Buffer body) {
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && !allowedOrigin(origin, ctx)) {
            return InputAnswer.text(403, "This form may only be sent from the site's own pages, not from " + origin
                    + ".");
        }
        String contentType = mediaType(ctx.request().getHeader("Content-Type"));
        Map<String, List<String>> form = new LinkedHashMap<>();
        String jsonBody = null;
        boolean automated = false;
        String text = body.toString(StandardCharsets.UTF_8);
        switch (contentType) {
            case "application/x-www-form-urlencoded" -> {
                try {
                    new QueryStringDecoder(text, StandardCharsets.UTF_8, false, 1024).parameters()
                            .forEach((name, values) -> form.put(name, List.copyOf(values)));
                } catch (IllegalArgumentException e) {
                    return InputAnswer.text(400, "The form is not well encoded: " + e.getMessage());
                }
                form.remove(AccessFilter.CSRF_FIELD);
                List<String> trap = form.remove(Honeypot.FIELD);
                automated = trap != null && trap.stream().anyMatch(v -> !v.isBlank());
            }
            case "application/json" -> {
                try {
                    json.readTree(text);
                } catch (JsonProcessingException e) {
                    return InputAnswer.text(400, "The body is not JSON: " + e.getOriginalMessage() + " (line "
                            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
                }
                jsonBody = text;
            }
            default -> {
                return InputAnswer.text(415, path + " takes a form (application/x-www-form-urlencoded) or JSON"
                        + " (application/json), not " + (contentType.isEmpty() ? "a body without a type"
                        : contentType) + ".");
            }
        }
        ReaderInput input = new ReaderInput(path, contentType, form, jsonBody, Visitors.of(ctx, clock.instant()),
                client, header(ctx, "User-Agent"), header(ctx, "Accept-Language"), automated, clock.instant());
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(mounted.plugin().classLoader());
            return mounted.route().accept(input);
        } catch (IllegalArgumentException refused) {
            return InputAnswer.text(400, refused.getMessage() == null ? "This cannot be taken." : refused.getMessage());
        } catch (RuntimeException | LinkageError e) {
            plugins.registry().report(new PluginProblem(mounted.plugin().id(), "input", "input to " + path
                    + " failed: " + e, e));
            return InputAnswer.text(500, "The site could not take this just now. Try again later.");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private boolean allowedOrigin(String origin, RoutingContext ctx) {
        String own = (ctx.request().isSSL() ? "https://" : "http://") + ctx.request().authority();
        if (origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(ctx.request().scheme() + "://"
                + ctx.request().authority())) {
            return true;
        }
        String siteUrl = siteView.info().url();   // kept until the settings change, not read per post
        if (siteUrl != null && origin.equalsIgnoreCase(originOf(siteUrl))) {
            return true;
        }
        return allowedOrigins.orElse(List.of()).stream().map(String::strip).anyMatch(origin::equalsIgnoreCase);
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String header(RoutingContext ctx, String name) {
        String value = ctx.request().getHeader(name);
        return value == null ? "" : value;
    }

    private static void send(RoutingContext ctx, InputAnswer answer) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(answer.status()).putHeader("Cache-Control", "no-store");
        if (answer.location() != null) {
            ctx.response().putHeader("Location", answer.location());
        }
        if (answer.contentType() != null) {
            ctx.response().putHeader("Content-Type", answer.contentType());
        }
        ctx.response().end(Buffer.buffer(answer.body()));
    }

    private static void refuse(RoutingContext ctx, int status, String message) {
        send(ctx, InputAnswer.text(status, message));
    }
}
