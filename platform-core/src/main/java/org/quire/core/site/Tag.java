package org.quire.core.site;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.quire.api.UrlPaths;

/**
 * A tag and the platform's one tag identity rule: tags are the same when their {@link #key() keys} are equal. The
 * key is the name in Unicode NFKC, with whitespace trimmed and collapsed to single spaces, lower-cased without
 * regard to the machine's locale. So {@code Nova} and {@code nova } are one tag, {@code Linux initramfs} keeps its
 * space, and {@code 云计算} and {@code C++} are tags like any other.
 *
 * @param name the display name, as first written (whitespace normalised)
 */
public record Tag(String name) {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

    public Tag {
        Objects.requireNonNull(name, "tag name");
        name = WHITESPACE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC)).replaceAll(" ").trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A tag needs at least one character that is not whitespace");
        }
    }

    /** The identity: equal keys mean the same tag. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * The tag as one URL path segment: the key as percent-encoded UTF-8, where only unreserved ASCII characters stay
     * as they are ({@code linux%20initramfs}, {@code c%2B%2B}, {@code %E4%BA%91...}). {@link #fromUrlForm} reads it
     * back, and also reads what a browser sends when someone types the tag unencoded.
     */
    public String urlForm() {
        return UrlPaths.encodeSegment(key());
    }

    /**
     * The tag that a URL path segment names. Percent-encoded UTF-8 is decoded; a {@code %} that starts no valid
     * escape stays as it is, and {@code +} stays a plus sign (it means a space only in query strings). The host
     * should pass the raw segment: a segment its HTTP layer already decoded is read correctly unless the tag itself
     * contains something that looks like an escape.
     */
    public static Tag fromUrlForm(String segment) {
        return new Tag(UrlPaths.decode(segment));
    }

    public boolean sameAs(Tag other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return name;
    }
}
