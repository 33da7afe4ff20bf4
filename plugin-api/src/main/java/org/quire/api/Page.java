package org.quire.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A rendered page.
 *
 * @param contentType a full media type, such as {@code text/html; charset=UTF-8} or {@code application/atom+xml}
 * @param body        the bytes served and exported
 */
public record Page(String contentType, byte[] body) {

    public Page {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    public static Page html(String html) {
        return new Page("text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static Page of(String contentType, String text) {
        return new Page(contentType, text.getBytes(StandardCharsets.UTF_8));
    }
}
