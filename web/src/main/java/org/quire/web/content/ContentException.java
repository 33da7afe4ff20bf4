package org.quire.web.content;

/**
 * A request about content that cannot be carried out as asked: names the field and says what would be accepted.
 * Nothing was changed when it is thrown.
 */
public class ContentException extends RuntimeException {

    public enum Reason { INVALID, CONFLICT, NOT_FOUND, STALE }

    private final Reason reason;
    private final String field;

    public ContentException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The field at fault, such as {@code slug}, or null when it concerns the whole request. */
    public String field() {
        return field;
    }
}
