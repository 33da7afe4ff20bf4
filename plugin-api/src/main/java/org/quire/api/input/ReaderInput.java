package org.quire.api.input;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a reader sent to an {@link InputRoute}, after the host's checks. Since API 1.4.
 *
 * @param path           the site path posted to, percent-encoded
 * @param contentType    the media type of the body, without parameters
 * @param form           a form's fields in order, each with its values (without the host's own fields: the CSRF
 *                       token and {@link Honeypot#FIELD}); empty for JSON
 * @param json           a JSON body as sent (the host checked it is JSON), or null for a form
 * @param signedIn       the staff account signed in on this browser, if any
 * @param client         the client's address (the forwarded one when the request came through a trusted proxy)
 * @param userAgent      the {@code User-Agent} header, or an empty string
 * @param acceptLanguage the {@code Accept-Language} header, or an empty string
 * @param looksAutomated true when the {@link Honeypot} field was filled in: a person never sees it
 * @param receivedAt     when the host received it
 */
public record ReaderInput(String path, String contentType, Map<String, List<String>> form, String json,
                          Optional<Visitor> signedIn, String client, String userAgent, String acceptLanguage,
                          boolean looksAutomated, Instant receivedAt) {

    public ReaderInput {
        form = form == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(form));
        signedIn = signedIn == null ? Optional.empty() : signedIn;
    }

    /** The first value of a form field, trimmed; empty when it is missing or blank. */
    public Optional<String> field(String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0).strip());
    }

    /**
     * A staff account signed in on the browser that posted (reader accounts are not part of API 1.4).
     *
     * @param id          the account's id
     * @param handle      its handle, such as {@code ann}
     * @param displayName its display name, or the handle when it has none
     * @param role        {@code ADMINISTRATOR}, {@code EDITOR}, {@code AUTHOR} or {@code CONTRIBUTOR}
     */
    public record Visitor(String id, String handle, String displayName, String role) {
    }
}
