package org.quire.web.site;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The paths the site itself serves: its pages (home and its pages, archives, authors, sitemap, robots) and the
 * application's own (admin, APIs, media, static files, Quarkus's {@code /q/}). Neither a post nor a plugin route may
 * take one of them: the request would never reach it.
 */
@ApplicationScoped
public class CorePaths implements PathClaim {

    /** Prefixes whose every path belongs to the site; {@code /admin} and {@code /openapi} without a slash, as served. */
    public static final List<String> PREFIXES = List.of("/page/", "/authors/", "/archive/", "/q/", "/api/",
            "/static/", "/media/", "/admin", "/openapi");
    public static final List<String> PAGES = List.of("/", "/sitemap.xml", "/robots.txt", "/404.html");

    @Override
    public Optional<String> ownerOf(String sitePath) {
        if (PAGES.contains(sitePath)) {
            return Optional.of("the site itself (its page " + sitePath + ")");
        }
        for (String prefix : PREFIXES) {
            if (sitePath.startsWith(prefix) || sitePath.equals(prefix.replaceFirst("/$", ""))) {
                return Optional.of("the site itself (every path under " + prefix + ")");
            }
        }
        return Optional.empty();
    }
}
