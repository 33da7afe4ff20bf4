package org.quire.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A rendered page.
 *
 * @param contentType a full media type, such as {@code text/html; charset=UTF-8} or {@code application/atom+xml}
 * @param body        the bytes served and exported; for a themed page, the HTML of the main content only
 * @param title       the page's title, for a themed page
 * @param themed      whether the host wraps {@code body} in the site theme's layout (head, metadata, header,
 *                    footer), so a plugin's pages look like the rest of the site without knowing its theme
 */
public record Page(String contentType, byte[] body, String title, boolean themed) {

    public Page {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (themed && (title == null || title.isBlank())) {
            throw new IllegalArgumentException("A themed page needs a title");
        }
    }

    public Page(String contentType, byte[] body) {
        this(contentType, body, null, false);
    }

    /** A whole HTML document, served as it is. */
    public static Page html(String html) {
        return new Page("text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** The main content of a page, which the host places inside the site's layout under {@code title}. */
    public static Page themed(String title, String contentHtml) {
        return new Page("text/html; charset=UTF-8", contentHtml.getBytes(StandardCharsets.UTF_8), title, true);
    }

    public static Page of(String contentType, String text) {
        return new Page(contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
