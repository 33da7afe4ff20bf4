package org.quire.api;

/**
 * Another form of a page, which the host announces in that page's head as {@code <link rel="alternate">}: a feed of
 * the same posts, for example, so readers and browsers find it.
 *
 * @param type  the media type, such as {@code application/atom+xml}
 * @param title what a reader would call it, such as {@code Atom feed of AWS}
 * @param path  the site path of the alternate, percent-encoded as {@link UrlPaths} does
 */
public record Alternate(String type, String title, String path) {
}
