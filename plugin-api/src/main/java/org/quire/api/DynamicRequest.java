package org.quire.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.quire.api.input.ReaderInput;

/**
 * What a {@link DynamicRoute} is asked: the path, the query string's parameters and the headers that choose the
 * form of an answer. Never a cookie. Since API 1.5.
 *
 * @param path           the site path, percent-encoded as the request carried it
 * @param query          the query string's parameters in order, each with its values, decoded
 * @param accept         the {@code Accept} header, or an empty string
 * @param acceptLanguage the {@code Accept-Language} header, or an empty string
 * @param signedIn       the staff account signed in on this browser, if any
 * @param client         the client's address (the forwarded one when the request came through a trusted proxy)
 */
public record DynamicRequest(String path, Map<String, List<String>> query, String accept, String acceptLanguage,
                             Optional<ReaderInput.Visitor> signedIn, String client) {

    public DynamicRequest {
        query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(query));
        accept = accept == null ? "" : accept;
        acceptLanguage = acceptLanguage == null ? "" : acceptLanguage;
        signedIn = signedIn == null ? Optional.empty() : signedIn;
    }

    /** The first value of a query parameter, trimmed; empty when it is missing or blank. */
    public Optional<String> parameter(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0).strip());
    }

    /**
     * Whether the {@code Accept} header names this media type (such as {@code application/activity+json}) with a
     * quality above zero; wildcards do not count, so a browser's {@code *}{@code /*} gets the HTML form.
     */
    public boolean accepts(String mediaType) {
        return quality(mediaType) > 0;
    }

    /**
     * The quality ({@code q}, 1 when not given) the {@code Accept} header gives this media type by name; 0 when it
     * does not name it, or gives a quality that does not read.
     */
    public double quality(String mediaType) {
        String wanted = mediaType.toLowerCase(Locale.ROOT);
        double best = 0;
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            if (!pieces[0].strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                continue;
            }
            double quality = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        quality = Math.max(0, Math.min(1, Double.parseDouble(parameter.substring(2))));
                    } catch (NumberFormatException e) {
                        quality = 0;
                    }
                }
            }
            best = Math.max(best, quality);
        }
        return best;
    }
}
