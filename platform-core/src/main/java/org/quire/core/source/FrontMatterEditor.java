package org.quire.core.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Changes one top-level key of a post's front matter and leaves every other byte as the author wrote it, so an
 * editor's bulk change (a tag renamed) does not reformat anyone's file. The key's whole value is replaced, whether
 * it was written on one line ({@code tags: [a, b]}, {@code tags: a b}) or as a block list below it.
 */
public final class FrontMatterEditor {

    private static final Pattern OPENING = Pattern.compile("---[ \\t]*");
    private static final Pattern CLOSING = Pattern.compile("(---|\\.\\.\\.)[ \\t]*");

    private FrontMatterEditor() {
    }

    /**
     * {@code source} with {@code key} set to {@code values} as a YAML flow list of double-quoted strings; the key
     * is added before the closing line when absent, and removed when {@code values} is empty. A source without
     * front matter gets some.
     */
    public static String withList(String source, String key, List<String> values) {
        return withLine(source, key, values.isEmpty() ? null : key + ": " + flowList(values));
    }

    /** {@code source} with {@code key} set to {@code value} as a double-quoted YAML string, added when absent. */
    public static String withText(String source, String key, String value) {
        return withLine(source, key, key + ": " + quoted(value));
    }

    /** {@code replacement} (a whole {@code key: value} line) for the key's lines, or the key removed when null. */
    private static String withLine(String source, String key, String replacement) {
        // A byte-order mark stays where it was, before the opening line the parser looks for.
        if (source.startsWith("\uFEFF")) {
            return "\uFEFF" + withLine(source.substring(1), key, replacement);
        }
        String newline = source.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = splitKeepingEnds(source);
        if (lines.isEmpty() || !OPENING.matcher(strip(lines.get(0))).matches()) {
            return replacement == null ? source : "---" + newline + replacement + newline + "---" + newline + source;
        }
        int closing = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (CLOSING.matcher(strip(lines.get(i))).matches()) {
                closing = i;
                break;
            }
        }
        if (closing < 0) {
            throw new IllegalArgumentException("The front matter opened on line 1 is never closed");
        }
        Pattern keyLine = Pattern.compile(Pattern.quote(key) + "[ \\t]*:(\\s.*)?");
        int start = -1;
        for (int i = 1; i < closing; i++) {
            if (keyLine.matcher(strip(lines.get(i))).matches()) {
                start = i;
                break;
            }
        }
        StringBuilder out = new StringBuilder(source.length() + 64);
        if (start < 0) {
            lines.subList(0, closing).forEach(out::append);
            if (replacement != null) {
                out.append(replacement).append(newline);
            }
            lines.subList(closing, lines.size()).forEach(out::append);
            return out.toString();
        }
        int end = start + 1;
        while (end < closing && continuesValue(strip(lines.get(end)))) {
            end++;
        }
        lines.subList(0, start).forEach(out::append);
        if (replacement != null) {
            out.append(replacement).append(newline);
        }
        lines.subList(end, lines.size()).forEach(out::append);
        return out.toString();
    }

    /** Indented lines, block-list items and blank lines belong to the value of the key above them. */
    private static boolean continuesValue(String line) {
        return line.isEmpty() || line.startsWith(" ") || line.startsWith("\t") || line.startsWith("- ")
                || line.equals("-");
    }

    static String flowList(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String value : values) {
            quoted.add(quoted(value));
        }
        return "[" + String.join(", ", quoted) + "]";
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + '"';
    }

    private static List<String> splitKeepingEnds(String text) {
        List<String> lines = new ArrayList<>();
        int offset = 0;
        while (offset < text.length()) {
            int newline = text.indexOf('\n', offset);
            int end = newline < 0 ? text.length() : newline + 1;
            lines.add(text.substring(offset, end));
            offset = end;
        }
        return lines;
    }

    private static String strip(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
