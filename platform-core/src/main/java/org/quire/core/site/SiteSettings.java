package org.quire.core.site;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings the engine needs from a site.
 *
 * @param url              absolute base URL without trailing slash, such as {@code https://18f.gsa.gov}, or empty
 * @param basePath         the path the site lives under ({@code /blog}) or empty; Jekyll's {@code baseurl}
 * @param timeZone         the zone dates without an offset are read in, and dates are shown in; UTC when the site
 *                         sets none, never the machine's zone
 * @param excerptSeparator where an excerpt ends when a post contains it; null for the first paragraph
 * @param permalink        how post URLs are made
 * @param config           every setting as written (a Jekyll {@code _config.yml}), for {@code {{ site.KEY }}}
 */
public record SiteSettings(String title, String description, String url, String basePath, ZoneId timeZone,
                           String excerptSeparator, PermalinkPattern permalink, Map<String, Object> config) {

    public SiteSettings {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        url = stripTrailingSlash(url == null ? "" : url.trim());
        basePath = stripTrailingSlash(basePath == null ? "" : basePath.trim());
        if (!basePath.isEmpty() && !basePath.startsWith("/")) {
            basePath = "/" + basePath;
        }
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        permalink = permalink == null ? PermalinkPattern.DATE : permalink;
        Map<String, Object> all = new LinkedHashMap<>(config == null ? Map.of() : config);
        // What Liquid's site.* sees must agree with the typed values above.
        all.put("title", title);
        all.put("description", description);
        all.put("url", url);
        all.put("baseurl", basePath);
        config = java.util.Collections.unmodifiableMap(all);
    }

    /** A site with Jekyll's defaults: UTC, {@code date} permalinks, excerpt up to the first paragraph. */
    public static SiteSettings defaults() {
        return new SiteSettings("", "", "", "", ZoneOffset.UTC, null, PermalinkPattern.DATE, Map.of());
    }

    public SiteSettings withTimeZone(ZoneId zone) {
        return new SiteSettings(title, description, url, basePath, Objects.requireNonNull(zone), excerptSeparator,
                permalink, config);
    }

    private static String stripTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
