package org.quire.api.input;

/**
 * An address of the site where readers send something: a comment form, a subscription, a reaction. The host takes
 * the POST (a form, {@code application/x-www-form-urlencoded}, or JSON) and checks it before the plugin sees it:
 * its size ({@link #maxBytes()}), how often one client posts ({@link #perMinute()}, a 429 with {@code Retry-After}
 * past it), that a browser form comes from the site's own pages (its {@code Origin}), and who is signed in. The
 * plugin never sees cookies or the admin's CSRF token. Since API 1.4; the descriptor declares
 * {@link org.quire.api.Capability#READER_INPUT}.
 */
public interface InputRoute {

    /** The largest body any route may take. */
    int LARGEST_BODY = 1 << 20;

    /** The path pattern, as {@link org.quire.api.PageRoute#pattern()}: {@code /comments/{post}}. */
    String pattern();

    /**
     * Answers one POST that passed the host's checks. Throwing {@link IllegalArgumentException} refuses the input
     * with a 400 showing its message (name the field: "text: write something"); anything else thrown is the
     * plugin's failure (a 500, reported on the plugins page).
     */
    InputAnswer accept(ReaderInput input);

    /** How many POSTs one client (one address) may send to this route per minute, counted on each instance. */
    default int perMinute() {
        return 10;
    }

    /** The largest body the route takes, in bytes, up to {@link #LARGEST_BODY}; a larger one gets a 413. */
    default int maxBytes() {
        return 16 * 1024;
    }
}
