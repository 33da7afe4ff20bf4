package org.quire.api;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The site's own settings.
 *
 * @param url      absolute base URL without a trailing slash, such as {@code https://blog.example.com}
 * @param basePath the path the site lives under, empty or such as {@code /blog}
 */
public record SiteInfo(String title, String description, String url, String basePath, Locale locale, ZoneId timeZone) {

    /** An absolute URL for a site path such as {@code /tags/云计算/}, percent-encoded as {@link UrlPaths} does. */
    public String absoluteUrl(String sitePath) {
        return url + basePath + UrlPaths.encodePath(sitePath);
    }
}
