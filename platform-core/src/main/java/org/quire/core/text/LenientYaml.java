package org.quire.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads a YAML mapping as far as it can be read, the way a Jekyll site needs it: Jekyll reads YAML with Ruby's
 * Psych, which takes a tab as the space between tokens (after {@code key:}, before a {@code # comment}, inside
 * {@code [a,\tb]}) where SnakeYAML refuses the whole document, and a site's {@code _config.yml} or a post's front
 * matter with one bad line should lose that line, not everything.
 *
 * <p>So, first, tabs that Psych reads as separating space become spaces (a tab inside a value, a quoted string or a
 * block text is kept, and a tab in the indentation is still an error, as in Psych). Then, while the text does not
 * load, the top-level entry holding the line the parser stopped at is left out and the rest is loaded again; each
 * entry left out is a {@link Loss} naming its line and key.
 */
public final class LenientYaml {

    /** Top-level entries are left out one at a time; a text this broken is reported as unreadable. */
    private static final int MOST_ENTRIES_LEFT_OUT = 50;

    private LenientYaml() {
    }

    /**
     * A top-level entry that was not read.
     *
     * @param line    the line where the entry begins: 1-based in the text given, or counted from its first line
     * @param key     the entry's key as written, or the line's text when it has none
     * @param problem what the parser found, and on which line when that is not the entry's first
     */
    public record Loss(int line, String key, String problem) {
    }

    /**
     * @param value  what was loaded (null for an empty text)
     * @param losses entries left out, in the order of their lines; empty when the text loaded whole
     */
    public record Result(Object value, List<Loss> losses) {
        public Result {
            losses = List.copyOf(losses);
        }
    }

    /**
     * @throws YAMLException when the text cannot be read even with entries left out, such as a document that is
     *                       not a mapping
     */
    public static Result load(Yaml yaml, String text) {
        return load(yaml, text, 1);
    }

    /**
     * @param firstLine the line of the file on which {@code text} begins, so that every line named (in
     *                  {@link Loss#line()} and in its problem) is the file's
     */
    public static Result load(Yaml yaml, String text, int firstLine) {
        Objects.requireNonNull(text, "text");
        String[] lines = withSpacesForSeparatingTabs(text).split("\n", -1);
        List<Loss> losses = new ArrayList<>();
        while (true) {
            try {
                return new Result(yaml.load(String.join("\n", lines)), sorted(losses));
            } catch (MarkedYAMLException e) {
                Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                int errorLine = mark == null ? -1 : Math.min(mark.getLine(), lines.length - 1);
                // An unclosed [list, {map} or quote is found where it should have ended; the entry to leave out is
                // the one where it began (the parser's context), not the innocent one after it.
                Mark context = e.getContextMark();
                boolean spansLines = e.getContext() != null && (e.getContext().contains("flow")
                        || e.getContext().contains("quoted") || e.getContext().contains("simple key"));
                int blamed = spansLines && context != null && context.getLine() < errorLine ? context.getLine()
                        : errorLine;
                // A line indented with a tab is refused by Psych too; it is left out alone, not with the key above.
                boolean tabIndented = blamed >= 0 && lines[blamed].startsWith("\t");
                int start = blamed < 0 ? -1 : tabIndented ? blamed : entryStart(lines, blamed);
                if (start < 0 || losses.size() >= MOST_ENTRIES_LEFT_OUT) {
                    throw e;
                }
                int end = tabIndented ? blamed + 1 : entryEnd(lines, start);
                String problem = (e.getProblem() != null ? e.getProblem() : e.getMessage()).trim();
                if (errorLine != start) {
                    problem += " (line " + (errorLine + firstLine) + ")";
                }
                losses.add(new Loss(start + firstLine, keyOf(lines[start]), problem));
                for (int i = start; i < end; i++) {
                    lines[i] = "";
                }
            }
        }
    }

    private static List<Loss> sorted(List<Loss> losses) {
        List<Loss> sorted = new ArrayList<>(losses);
        sorted.sort(java.util.Comparator.comparingInt(Loss::line));
        return sorted;
    }

    /** The line where the top-level entry holding {@code line} begins: the nearest unindented key at or above it. */
    private static int entryStart(String[] lines, int line) {
        for (int i = line; i >= 0; i--) {
            if (isEntryStart(lines[i])) {
                return i;
            }
        }
        // Text before the first key (an indented first line): that text is the entry.
        for (int i = line; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static int entryEnd(String[] lines, int start) {
        for (int i = start + 1; i < lines.length; i++) {
            if (isEntryStart(lines[i])) {
                return i;
            }
        }
        return lines.length;
    }

    /** An unindented line that is not blank, a comment, a document marker or an item of the entry's list. */
    private static boolean isEntryStart(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char first = line.charAt(0);
        return first != ' ' && first != '\t' && first != '#' && first != '-' && !line.startsWith("...");
    }

    private static String keyOf(String line) {
        String trimmed = line.strip();
        int colon = trimmed.indexOf(':');
        String key = colon > 0 ? trimmed.substring(0, colon).strip() : trimmed;
        return key.length() > 60 ? key.substring(0, 60) + "…" : key;
    }

    /**
     * The text with each tab that Psych reads as the space between two tokens replaced by a space: after a
     * {@code :}, {@code ,}, {@code [} or <code>{</code> indicator, before a comment, at the end of a line. Tabs in
     * the indentation, inside quoted strings, inside block texts ({@code |}, {@code >}) and between the words of a
     * plain value are left as they are.
     */
    static String withSpacesForSeparatingTabs(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        int blockIndent = -1;
        char openQuote = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            int indent = indentOf(line);
            if (blockIndent >= 0) {
                if (line.isBlank() || indent > blockIndent) {
                    continue;
                }
                blockIndent = -1;
            }
            if (line.indexOf('\t') < 0 && openQuote == 0) {
                blockIndent = opensBlockText(line) ? indent : -1;
                continue;
            }
            StringBuilder out = new StringBuilder(line.length());
            int i = 0;
            if (openQuote == 0) {
                // Leading tabs are indentation: Psych refuses them too, so they stay for the parser to report.
                while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    out.append(line.charAt(i++));
                }
            }
            while (i < line.length()) {
                char c = line.charAt(i);
                if (openQuote != 0) {
                    out.append(c);
                    if (c == '\\' && openQuote == '"' && i + 1 < line.length()) {
                        out.append(line.charAt(++i));
                    } else if (c == openQuote) {
                        if (openQuote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                            out.append(line.charAt(++i));
                        } else {
                            openQuote = 0;
                        }
                    }
                    i++;
                    continue;
                }
                if ((c == '"' || c == '\'') && startsScalar(line, i)) {
                    openQuote = c;
                    out.append(c);
                    i++;
                    continue;
                }
                if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ' || line.charAt(i - 1) == '\t')) {
                    out.append(line, i, line.length());
                    break;
                }
                if (c == ' ' || c == '\t') {
                    int runEnd = i;
                    while (runEnd < line.length() && (line.charAt(runEnd) == ' ' || line.charAt(runEnd) == '\t')) {
                        runEnd++;
                    }
                    char before = i == 0 ? ' ' : line.charAt(i - 1);
                    char after = runEnd < line.length() ? line.charAt(runEnd) : 0;
                    boolean separating = after == 0 || after == '#' || after == '\r' || ":,[{".indexOf(before) >= 0
                            || "]},".indexOf(after) >= 0;
                    String run = line.substring(i, runEnd);
                    out.append(separating ? run.replace('\t', ' ') : run);
                    i = runEnd;
                    continue;
                }
                out.append(c);
                i++;
            }
            lines[n] = out.toString();
            if (openQuote == 0) {
                blockIndent = opensBlockText(lines[n]) ? indent : -1;
            }
        }
        return String.join("\n", lines);
    }

    /** Whether a quote at {@code i} opens a quoted scalar: only where a value can begin, not inside plain text. */
    private static boolean startsScalar(String line, int i) {
        int before = i - 1;
        while (before >= 0 && (line.charAt(before) == ' ' || line.charAt(before) == '\t')) {
            before--;
        }
        return before < 0 || ":,[{-?".indexOf(line.charAt(before)) >= 0;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** Whether a line ends with a block text's header ({@code key: |}, {@code - >-}), whose lines follow it. */
    private static boolean opensBlockText(String line) {
        String code = line.replaceAll("\\s+#.*$", "").stripTrailing();
        return code.matches(".*(?:^|[:\\-\\s])[|>][+-]?\\d?[+-]?$");
    }
}
