package org.quire.api.input;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the host answers a reader's POST with; never cached. Since API 1.4.
 *
 * @param status      the HTTP status
 * @param contentType the body's media type, or null for no body
 * @param body        the body, empty for none
 * @param location    where a 303 sends the browser (a site path, such as {@code /guestbook/?thanks}), or null
 */
public record InputAnswer(int status, String contentType, byte[] body, String location) {

    public InputAnswer {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        body = body == null ? new byte[0] : body;
        if (location != null && !location.startsWith("/")) {
            throw new IllegalArgumentException("A redirect goes to a site path starting with '/', not '" + location
                    + "'");
        }
    }

    /** After a browser form: "see this page", so a reload does not post again. */
    public static InputAnswer seeOther(String sitePath) {
        return new InputAnswer(303, null, null, Objects.requireNonNull(sitePath, "sitePath"));
    }

    public static InputAnswer json(int status, String json) {
        return new InputAnswer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
    }

    public static InputAnswer text(int status, String text) {
        return new InputAnswer(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), null);
    }

    public static InputAnswer html(int status, String html) {
        return new InputAnswer(status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8), null);
    }
}
