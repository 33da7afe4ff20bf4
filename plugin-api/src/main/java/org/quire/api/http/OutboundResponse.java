package org.quire.api.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A server's answer, read whole. Since API 1.4.
 *
 * @param status  the HTTP status of the last answer (after redirects)
 * @param headers its headers, names in lower case
 * @param body    its body
 * @param uri     the address that gave it (the last redirect's)
 */
public record OutboundResponse(int status, Map<String, List<String>> headers, byte[] body, URI uri) {

    /** The first value of a header, by its name in any case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
