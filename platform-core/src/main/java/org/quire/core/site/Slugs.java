package org.quire.core.site;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The platform's one slug rule: Unicode-aware, so {@code 云计算 入门} becomes {@code 云计算-入门} rather than an
 * empty string. Letters (of any script), digits and combining marks are kept, lower-cased; every run of anything
 * else (spaces, punctuation, symbols) becomes one dash; dashes are trimmed from both ends.
 */
public final class Slugs {

    private Slugs() {
    }

    /** @return the slug, or an empty string when the text has no letter or digit */
    public static String slugify(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(normalised.length());
        boolean pendingDash = false;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            if (isSlugCharacter(cp)) {
                if (pendingDash && slug.length() > 0) {
                    slug.append('-');
                }
                pendingDash = false;
                slug.appendCodePoint(cp);
            } else {
                pendingDash = true;
            }
        }
        return slug.toString();
    }

    /**
     * The slug of a text, cut after at most {@code maxLength} characters at the end of a word where it has one, so
     * a long title still gives a slug that fits an address.
     */
    public static String slugify(String text, int maxLength) {
        String slug = slugify(text);
        if (slug.length() <= maxLength) {
            return slug;
        }
        int end = maxLength;
        if (Character.isLowSurrogate(slug.charAt(end))) {
            end--;
        }
        int lastDash = slug.lastIndexOf('-', end);
        return slug.substring(0, lastDash > maxLength / 2 ? lastDash : end);
    }

    private static boolean isSlugCharacter(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
