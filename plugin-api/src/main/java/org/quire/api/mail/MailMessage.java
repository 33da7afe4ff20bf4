package org.quire.api.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mail a plugin sends through the host. The host sets the sender (the site's address, {@code quire.mail.from},
 * with the site's title as its name), the date and the message id; the plugin says to whom, what, and may add
 * headers of its own such as {@code List-Unsubscribe}. Since API 1.5.
 *
 * @param to      one to {@value #MAX_RECIPIENTS} addresses, each {@code name@domain}; every one sees the others, so
 *                send one mail per reader when they must not
 * @param subject one line, at most {@value #MAX_SUBJECT} characters
 * @param text    the plain-text body, which every mail has
 * @param html    an HTML body shown instead by readers that can, or null
 * @param replyTo where answers go, or null for the site's address
 * @param headers extra headers: names of letters, digits and dashes, one-line values; not those the host sets
 *                ({@code From}, {@code To}, {@code Subject}, {@code Date}, {@code Message-ID}, {@code Content-*} …)
 */
public record MailMessage(List<String> to, String subject, String text, String html, String replyTo,
                          Map<String, String> headers) {

    public static final int MAX_RECIPIENTS = 50;
    public static final int MAX_SUBJECT = 300;
    /** Text and HTML together; a newsletter issue fits, an attachment would not (there are none). */
    public static final int MAX_BODY_CHARS = 1_000_000;

    private static final String ADDRESS_PART = "[^@\\s<>,;\"()\\[\\]]+";
    private static final Pattern ADDRESS = Pattern.compile(ADDRESS_PART + "@" + ADDRESS_PART + "\\.[^@\\s<>,;\"()\\[\\].]+");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,62}");
    private static final Set<String> HOST_HEADERS = Set.of("from", "to", "cc", "bcc", "subject", "date",
            "message-id", "sender", "reply-to", "return-path", "mime-version", "received", "x-quire-plugin");

    public MailMessage {
        to = to == null ? List.of() : List.copyOf(to);
        if (to.isEmpty() || to.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("Field 'to': one to " + MAX_RECIPIENTS + " addresses, not " + to.size());
        }
        for (String address : to) {
            checkAddress("to", address);
        }
        Objects.requireNonNull(subject, "Field 'subject' is missing");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT || breaksLine(subject)) {
            throw new IllegalArgumentException("Field 'subject': one line of 1 to " + MAX_SUBJECT + " characters");
        }
        Objects.requireNonNull(text, "Field 'text' is missing: every mail has a plain-text body");
        if (text.length() + (html == null ? 0 : html.length()) > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("Fields 'text' and 'html': at most " + MAX_BODY_CHARS
                    + " characters together");
        }
        if (replyTo != null) {
            checkAddress("replyTo", replyTo);
        }
        Map<String, String> copied = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name == null || !HEADER_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("Field 'headers': '" + name + "' is not a header name"
                            + " (letters, digits and dashes)");
                }
                String lower = name.toLowerCase(Locale.ROOT);
                if (HOST_HEADERS.contains(lower) || lower.startsWith("content-")) {
                    throw new IllegalArgumentException("Field 'headers': the host sets " + name + " itself");
                }
                if (value == null || breaksLine(value) || value.length() > 998) {
                    throw new IllegalArgumentException("Field 'headers': the value of " + name
                            + " must be one line of at most 998 characters");
                }
                copied.put(name, value);
            });
        }
        headers = java.util.Collections.unmodifiableMap(copied);
    }

    /** A plain-text mail to one address. */
    public static MailMessage text(String to, String subject, String text) {
        return new MailMessage(List.of(to), subject, text, null, null, Map.of());
    }

    /** The same mail with an HTML body beside its text. */
    public MailMessage withHtml(String htmlBody) {
        return new MailMessage(to, subject, text, htmlBody, replyTo, headers);
    }

    /** The same mail with one more header. */
    public MailMessage withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new MailMessage(to, subject, text, html, replyTo, more);
    }

    /** The same mail, answered to another address. */
    public MailMessage withReplyTo(String address) {
        return new MailMessage(to, subject, text, html, address, headers);
    }

    private static void checkAddress(String field, String address) {
        if (address == null || address.length() > 320 || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("Field '" + field + "': '" + address
                    + "' is not a mail address such as ann@example.org");
        }
    }

    private static boolean breaksLine(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
