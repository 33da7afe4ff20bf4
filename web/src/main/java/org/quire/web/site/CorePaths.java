package org.quire.web.site;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The paths the site itself serves: its pages (home and its pages, archives, authors, sitemap, robots) and the
 * application's own (admin, APIs, media, static files, Quarkus's {@code /q/}). Neither a post nor a plugin route may
 * take one of them: the request would never reach it.
 */
@ApplicationScoped
public class CorePaths implements PathClaim {

    /**
     * The application's own prefixes, answered before the public site; {@code /admin} and {@code /openapi} without
     * a slash, as the public site's router passes them on. Under a base path the site's pages cannot meet them.
     */
    public static final List<String> APPLICATION_PREFIXES = List.of("/q/", "/api/", "/static/", "/media/", "/admin",
            "/openapi");
    /** Prefixes of the site's own pages, wherever the site is served. */
    public static final List<String> SITE_PREFIXES = List.of("/page/", "/authors/", "/archive/");
    /** Every prefix a plugin route may not start with: it could shadow one of these in either place. */
    public static final List<String> PREFIXES = java.util.stream.Stream.concat(SITE_PREFIXES.stream(),
            APPLICATION_PREFIXES.stream()).toList();
    public static final List<String> PAGES = List.of("/", "/sitemap.xml", "/robots.txt", "/404.html");

    @Override
    public Optional<String> ownerOf(String sitePath) {
        if (PAGES.contains(sitePath)) {
            return Optional.of("the site itself (its page " + sitePath + ")");
        }
        Optional<String> prefix = prefixOf(sitePath, SITE_PREFIXES);
        if (prefix.isEmpty() && QuarkusTransaction.joiningExisting().call(() -> Site.get().basePath).isEmpty()) {
            prefix = prefixOf(sitePath, APPLICATION_PREFIXES);
        }
        return prefix.map(p -> "the site itself (every path under " + p + ")");
    }

    private static Optional<String> prefixOf(String sitePath, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (sitePath.startsWith(prefix) || sitePath.equals(prefix.replaceFirst("/$", ""))) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }
}
