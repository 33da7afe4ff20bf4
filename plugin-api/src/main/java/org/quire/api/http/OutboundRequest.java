package org.quire.api.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call to make with {@link OutboundHttp}. Immutable; {@link #header} returns a copy. Since API 1.4.
 *
 * @param method  GET, HEAD, POST, PUT, PATCH or DELETE
 * @param uri     an absolute http or https address
 * @param headers request headers (the host sets Host, Content-Length and a User-Agent naming the site and plugin)
 * @param body    the body, empty for none
 * @param timeout how long the whole call may take, at most {@link #LONGEST_TIMEOUT}
 */
public record OutboundRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body,
                              Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration LONGEST_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    public OutboundRequest {
        Objects.requireNonNull(uri, "uri");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("Not a method a plugin may send: '" + method + "' (" + METHODS + ")");
        }
        if (!uri.isAbsolute() || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an http or https address with a host: '" + uri + "'");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body.clone();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("A call's timeout must be more than 0 and at most " + LONGEST_TIMEOUT
                    + ", not " + timeout);
        }
    }

    public static OutboundRequest get(String uri) {
        return new OutboundRequest("GET", URI.create(uri), Map.of(), null, null);
    }

    public static OutboundRequest post(String uri, String contentType, String body) {
        return new OutboundRequest("POST", URI.create(uri), Map.of("Content-Type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A copy with one more value of a header. */
    public OutboundRequest header(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(more.getOrDefault(name, List.of()));
        values.add(value);
        more.put(name, values);
        return new OutboundRequest(method, uri, more, body, timeout);
    }

    public OutboundRequest timeout(Duration most) {
        return new OutboundRequest(method, uri, headers, body, most);
    }
}
