package org.quire.web.publicsite;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

/**
 * A public page ready to serve.
 *
 * @param status       200 for a page, 404 for the not-found page, 301 for a redirect ({@code location} set)
 * @param body         the bytes to send
 * @param dependencies what the page shows ({@code post:12}, {@code list:home}, …), so a change drops exactly
 *                     the pages that showed it
 */
public record RenderedPage(int status, String contentType, byte[] body, String location, Set<String> dependencies,
                           Instant lastModified) {

    public RenderedPage(int status, String contentType, String body, String location, Set<String> dependencies,
                        Instant lastModified) {
        this(status, contentType, body.getBytes(StandardCharsets.UTF_8), location, dependencies, lastModified);
    }

    public static RenderedPage redirect(String location) {
        return new RenderedPage(301, null, new byte[0], location, Set.of(), null);
    }

    public boolean cacheable() {
        return status == 200;
    }
}
