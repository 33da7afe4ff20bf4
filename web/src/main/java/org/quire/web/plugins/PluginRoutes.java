package org.quire.web.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.UrlPaths;
import org.quire.core.plugin.ActivePlugin;
import org.quire.core.plugin.PluginProblem;
import org.quire.core.plugin.PluginRegistry;
import org.quire.web.site.CorePaths;
import org.quire.web.site.PathClaim;

/**
 * The one dispatcher for every page a plugin serves. A route whose pattern would shadow a page of the site itself
 * (home, archives, authors, sitemap, robots, the application's own paths) is refused when the plugins start, with
 * a reported problem. Posts may not take a running plugin's paths ({@link PathClaim}); a post that had a path before
 * the plugin was turned on keeps it (posts and redirects are looked up before plugin routes) and the plugin is told.
 */
@ApplicationScoped
public class PluginRoutes implements PathClaim {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");

    /** A plugin's route with its pattern compiled. */
    public record Mounted(ActivePlugin plugin, PageRoute route, Pattern pattern) {
    }

    /** The routes mounted for one generation of the plugins. */
    private record Mounts(PluginRegistry registry, List<Mounted> routes) {
    }

    private final PluginRuntime runtime;
    private volatile Mounts mounts;

    @Inject
    public PluginRoutes(PluginRuntime runtime) {
        this.runtime = runtime;
    }

    /** The routes of the plugins running now: mounted again when plugins are turned on or off. */
    public List<Mounted> routes() {
        PluginRegistry registry = runtime.registry();
        Mounts known = mounts;
        if (known == null || known.registry() != registry) {
            known = new Mounts(registry, mount(registry));
            mounts = known;
        }
        return known.routes();
    }

    private static List<Mounted> mount(PluginRegistry registry) {
        List<Mounted> routes = new ArrayList<>();
        for (ActivePlugin plugin : registry.active()) {
            for (PageRoute route : plugin.routes()) {
                String pattern = route.pattern();
                String problem = shadowProblem(pattern);
                if (problem != null) {
                    // "mount", not "route": a refused pattern is not a failure of the running plugin.
                    registry.report(new PluginProblem(plugin.id(), "mount", "route " + pattern
                            + " is not served: " + problem, null));
                    continue;
                }
                routes.add(new Mounted(plugin, route, compile(pattern)));
            }
        }
        return List.copyOf(routes);
    }

    /** The plugin route that claims {@code sitePath}, if any. */
    public Optional<Mounted> match(String sitePath) {
        for (Mounted mounted : routes()) {
            if (mounted.pattern().matcher(sitePath).matches()) {
                return Optional.of(mounted);
            }
        }
        return Optional.empty();
    }

    /** The running plugin whose route serves {@code sitePath}: posts may not take its paths. */
    @Override
    public Optional<String> ownerOf(String sitePath) {
        return match(UrlPaths.encodePath(sitePath)).map(mounted -> "the plugin '" + mounted.plugin().id()
                + "' (its route " + mounted.route().pattern() + ")");
    }

    /**
     * Renders a path through its plugin. A plugin that throws is reported and the failure propagates, so the
     * visitor gets an error page rather than a page with something missing.
     */
    public Optional<Page> render(Mounted mounted, String sitePath, PluginRuntime runtime) {
        try {
            return mounted.route().render(sitePath);
        } catch (RuntimeException e) {
            runtime.registry().report(new PluginProblem(mounted.plugin().id(), "route",
                    "rendering " + sitePath + " failed: " + e, e));
            throw e;
        }
    }

    /** What every plugin route offers as another form of the page at {@code encodedPagePath}; failures are skipped. */
    public List<org.quire.api.Alternate> alternatesOf(String encodedPagePath, PluginRuntime runtime) {
        List<org.quire.api.Alternate> alternates = new ArrayList<>();
        for (Mounted mounted : routes()) {
            try {
                alternates.addAll(mounted.route().alternatesOf(encodedPagePath));
            } catch (RuntimeException e) {
                runtime.registry().report(new PluginProblem(mounted.plugin().id(), "route",
                        "alternates of " + encodedPagePath + " failed: " + e, e));
            }
        }
        return alternates;
    }

    public static String shadowProblem(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            return "a pattern must start with '/'";
        }
        if (CorePaths.PAGES.contains(pattern)) {
            return "it is a page of the site itself";
        }
        for (String prefix : CorePaths.PREFIXES) {
            if (pattern.startsWith(prefix) || prefix.equals(pattern + "/")) {
                return "paths under " + prefix + " belong to the site itself";
            }
        }
        if (pattern.startsWith("/{")) {
            return "a pattern must start with a fixed segment, or it would claim every path";
        }
        return null;
    }

    public static Pattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("[^/]+");
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
