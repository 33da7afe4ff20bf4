package org.quire.web.publicsite;

import io.quarkus.qute.TemplateData;

/**
 * What every page's head and frame needs: the site, and the page's own title, description and canonical URL.
 *
 * @param canonicalUrl absolute, from the configured site URL, never from the request
 * @param ogType       {@code website} or {@code article}
 */
@TemplateData
public record PageChrome(String siteTitle, String siteDescription, String siteUrl, String basePath, String lang,
                         String pageTitle, String description, String canonicalUrl, String ogType, String imageUrl,
                         String jsonLd, java.util.List<AlternateLink> alternates) {

    /** A {@code <link rel="alternate">} a plugin offers for the page, such as a feed. */
    @TemplateData
    public record AlternateLink(String type, String title, String href) {
    }

    /** A site path with the base path in front, for links inside the site. */
    public String link(String sitePath) {
        return basePath + sitePath;
    }
}
