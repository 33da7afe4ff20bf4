package org.quire.api;

/**
 * A tag as the host identifies it.
 *
 * @param name        the display name, as first written
 * @param key         the identity: two tags with the same key are one tag (case and whitespace do not matter)
 * @param urlForm     the tag as it appears in a URL path segment, percent-encoded UTF-8; it decodes back to the tag
 * @param count       how many published posts carry it
 * @param description what the site says about the tag (plain text), or empty
 * @param coverPath   a cover image's site path, or null
 */
public record TagView(String name, String key, String urlForm, int count, String description, String coverPath) {

    public TagView {
        description = description == null ? "" : description;
    }

    public TagView(String name, String key, String urlForm, int count) {
        this(name, key, urlForm, count, "", null);
    }
}
