package org.quire.core.markdown;

/**
 * Markdown nested deeper than Quire renders: thousands of {@code >} or list markers would overflow the stack of
 * every tree walk after parsing (the renderer, plugins, statistics), so such a text is refused saying where.
 */
public final class NestingTooDeepException extends IllegalArgumentException {

    private final int line;

    public NestingTooDeepException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of the source file where the nesting passes the limit. */
    public int line() {
        return line;
    }
}
