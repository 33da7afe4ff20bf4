package org.quire.web.content;

import java.util.List;

import org.quire.core.site.Tag;
import org.quire.core.source.PostMetadata;
import org.quire.web.content.ContentException.Reason;

/**
 * How long each part of a post may be. Checked on the text as read, before it is rendered or stored, at every way
 * in (the editor's fields and Markdown, the API, an import), so a field too long for its column is a 400 that
 * names it instead of a database error, and a huge value costs no work.
 */
public final class PostLimits {

    public static final int TITLE = 500;
    public static final int SLUG = 200;
    /** A slug made from a title is cut at a word within this length, so a long title still saves. */
    public static final int SLUG_FROM_TITLE = 100;
    public static final int ADDRESS = 700;
    public static final int CATEGORY = 200;
    /** Characters of a tag; a tag's URL form (percent-encoded UTF-8, up to 12 per character) must also fit. */
    public static final int TAG = 100;
    public static final int TAG_URL_FORM = 700;
    public static final int TAGS = 100;
    public static final int AUTHOR = 100;
    public static final int AUTHORS = 50;
    public static final int DESCRIPTION = 5_000;
    public static final int REDIRECTS = 200;

    private PostLimits() {
    }

    /**
     * Refuses a text with a NUL character: PostgreSQL cannot store one in a text column, so it would be a 500 there
     * and stored on the other databases; no editor types one.
     */
    public static void refuseNul(String source) {
        int at = source == null ? -1 : source.indexOf('\0');
        if (at >= 0) {
            int line = (int) source.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            throw new ContentException(Reason.INVALID, "source", "line " + line + ": the text contains a NUL"
                    + " character (U+0000); remove it");
        }
    }

    /** Refuses the first part of {@code m} over its limit, naming the field and the limit. */
    public static void check(PostMetadata m) {
        atMost("title", m.title(), TITLE);
        atMost("slug", m.slug(), SLUG);
        refuseUnsafeSlug(m.slug());
        atMost("permalink", m.permalink(), ADDRESS);
        atMost("description", m.description(), DESCRIPTION);
        for (String category : m.categories()) {
            atMost("category", category, CATEGORY);
        }
        count("tags", m.tags(), TAGS);
        for (Tag tag : m.tags()) {
            atMost("tags", tag.name(), TAG);
            // Normalising can lengthen a text (NFKC spells out ligatures), so the stored forms are checked too.
            if (tag.urlForm().length() > TAG_URL_FORM || tag.key().length() > 2 * TAG) {
                throw tooLong("tags", "The tag '" + tag.name().substring(0, Math.min(40, tag.name().length()))
                        + "…' is " + tag.urlForm().length() + " characters long in a URL; at most " + TAG_URL_FORM
                        + " are allowed, so shorten it");
            }
        }
        count("authors", m.authors(), AUTHORS);
        for (String author : m.authors()) {
            atMost("authors", author, AUTHOR);
            if (org.quire.core.site.Slugs.slugify(author).length() > AUTHOR) {
                throw tooLong("authors", "The author '" + author.substring(0, Math.min(40, author.length()))
                        + "…' makes a handle longer than " + AUTHOR + " characters; shorten the name");
            }
        }
        count("redirect_from", m.redirectFrom(), REDIRECTS);
        for (String from : m.redirectFrom()) {
            atMost("redirect_from", from, ADDRESS);
        }
    }

    /** The same limits on the editor's separate fields, checked before they are written as a file. */
    public static void check(String title, String slug, String category, List<String> tags, List<String> authors,
                             String description) {
        atMost("title", title, TITLE);
        atMost("slug", slug, SLUG);
        refuseUnsafeSlug(slug);
        atMost("category", category, CATEGORY);
        atMost("description", description, DESCRIPTION);
        if (tags != null) {
            count("tags", tags, TAGS);
            tags.forEach(tag -> atMost("tags", tag, TAG));
        }
        if (authors != null) {
            count("authors", authors, AUTHORS);
            authors.forEach(author -> atMost("authors", author, AUTHOR));
        }
    }

    /**
     * A slug is one segment of an address: a slash, backslash or control character in it, or a slug that is
     * {@code .} or {@code ..}, would be a path, and is refused rather than quietly turned into dashes.
     */
    private static void refuseUnsafeSlug(String slug) {
        if (slug == null) {
            return;
        }
        String shown = slug.replaceAll("\\p{Cntrl}", "?");
        if (slug.indexOf('/') >= 0 || slug.indexOf('\\') >= 0 || slug.equals(".") || slug.equals("..")
                || !shown.equals(slug)) {
            throw new ContentException(Reason.INVALID, "slug", "The slug '" + shown + "' is not one segment of an"
                    + " address: slashes, backslashes, control characters, '.' and '..' are not allowed; use letters,"
                    + " digits and dashes");
        }
    }

    private static void atMost(String field, String value, int limit) {
        // UTF-16 units, as the embedded database counts: a character outside the BMP counts twice.
        if (value != null && value.length() > limit) {
            throw tooLong(field, "The " + field.replace('_', ' ') + " is " + value.length()
                    + " characters long; at most " + limit + " are allowed");
        }
    }

    private static void count(String field, List<?> values, int limit) {
        if (values.size() > limit) {
            throw tooLong(field, "The post has " + values.size() + " " + field.replace('_', ' ') + "; at most "
                    + limit + " are allowed");
        }
    }

    private static ContentException tooLong(String field, String message) {
        return new ContentException(Reason.INVALID, field, message);
    }
}
