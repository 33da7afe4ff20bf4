package org.quire.core;

import java.util.Objects;

/**
 * Something the engine could not handle, or handled with a change the author should know about.
 *
 * @param source  the file or post it concerns, as the caller named it
 * @param line    1-based line in the source file, or 0 when it concerns the whole post
 * @param kind    what sort of problem; stable, so reports can count and compare them
 * @param message what happened and what would be accepted
 */
public record Diagnostic(String source, int line, Kind kind, Severity severity, String message) {

    public enum Severity { INFO, WARNING, ERROR }

    public enum Kind {
        /** Front matter is not YAML, or not a mapping; the body is still rendered. */
        FRONT_MATTER_INVALID,
        /** Part of the front matter is not valid YAML: the keys named are left out, the others are read. */
        FRONT_MATTER_PARTLY_READ,
        /** Part of a site's {@code _config.yml} cannot be read or used: that setting is left out or Jekyll's default. */
        CONFIG_PARTLY_READ,
        /** Front matter that SnakeYAML reads but other YAML parsers (Jekyll's Psych) refuse. */
        FRONT_MATTER_PORTABILITY,
        /** A front-matter key has a value of the wrong shape (a map where a list of tags was expected). */
        FRONT_MATTER_FIELD,
        /** The {@code date} could not be read; the file name's date is used. */
        DATE_UNREADABLE,
        /** Part of the {@code date} is not read (as in Jekyll), usually a misplaced offset; the rest is used. */
        DATE_PARTLY_READ,
        /** The date names a day its month does not have ({@code 2016-06-31}); it rolls over, as in Jekyll. */
        DATE_ROLLED_OVER,
        /** The file name does not start with a date, and front matter gives none. */
        DATE_MISSING,
        /** A Liquid variable ({@code site.X}, {@code page.X}) that is not set; it renders as nothing, as in Jekyll. */
        LIQUID_UNDEFINED,
        /** A Liquid tag or expression that Quire does not evaluate; it is left visible. */
        LIQUID_UNSUPPORTED,
        /** {@code post_url} or {@code link} names a post or file the site does not know; left visible. */
        LIQUID_UNRESOLVED_LINK,
        /** An opening Liquid block ({@code raw}, {@code highlight}, {@code comment}) without its end tag. */
        LIQUID_UNCLOSED,
        /** Untrusted HTML had elements or attributes removed by the HTML policy. */
        HTML_SANITISED,
        /** A plugin found a problem with the document (through {@code TransformContext.report}). */
        PLUGIN_REPORT,
        /** A plugin threw; its contribution was skipped and the page rendered without it. */
        PLUGIN_FAILED
    }

    public Diagnostic {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic warning(String source, int line, Kind kind, String message) {
        return new Diagnostic(source, line, kind, Severity.WARNING, message);
    }

    public static Diagnostic error(String source, int line, Kind kind, String message) {
        return new Diagnostic(source, line, kind, Severity.ERROR, message);
    }

    public static Diagnostic info(String source, int line, Kind kind, String message) {
        return new Diagnostic(source, line, kind, Severity.INFO, message);
    }

    /** {@code file:line: severity: message}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + ": " + severity.name().toLowerCase(java.util.Locale.ROOT)
                + " [" + kind + "] " + message;
    }
}
