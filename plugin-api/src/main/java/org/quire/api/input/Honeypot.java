package org.quire.api.input;

/**
 * A form field people never see and simple bots fill in: put {@link #FIELD_HTML} in a form that posts to an
 * {@link InputRoute}, and {@link ReaderInput#looksAutomated()} tells whether it came back filled. Answer such input
 * as if it were taken, and keep nothing of it. Since API 1.4.
 */
public final class Honeypot {

    /** The field's name; the host removes it from {@link ReaderInput#form()}. */
    public static final String FIELD = "quire_website";

    /** The field, hidden from people and from screen readers, and skipped by the keyboard and autofill. */
    public static final String FIELD_HTML = "<p aria-hidden=\"true\" style=\"position:absolute;left:-10000px\">"
            + "<label>Website <input type=\"text\" name=\"" + FIELD + "\" tabindex=\"-1\" autocomplete=\"off\">"
            + "</label></p>";

    private Honeypot() {
    }
}
