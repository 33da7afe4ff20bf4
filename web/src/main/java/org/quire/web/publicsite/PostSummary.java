package org.quire.web.publicsite;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * A post as lists and pages show it, detached from the database.
 *
 * @param path           the site path without base path
 * @param url            the absolute URL from the configured site URL
 * @param publishedIso   ISO-8601 instant, for {@code datetime} attributes and JSON-LD
 * @param publishedLabel the date as readers see it, in the site's locale and time zone
 */
@TemplateData
public record PostSummary(long id, String title, String path, String url, String excerptHtml, String excerptText,
                          String description, String publishedIso, String publishedLabel, String updatedIso,
                          int readingMinutes, List<AuthorLink> authors, List<TagLink> tags, String category) {

    /** An author with the path of their page. */
    @TemplateData
    public record AuthorLink(String handle, String name, String path) {
    }

    /** A tag with its URL form, for links to tag pages that a plugin may serve. */
    @TemplateData
    public record TagLink(String name, String urlForm) {
    }
}
