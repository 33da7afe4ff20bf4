package org.quire.core.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.quire.core.Diagnostic;
import org.quire.core.Diagnostic.Kind;
import org.quire.core.text.LenientYaml;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Splits a post into YAML front matter and Markdown body, as Jekyll does: the file must begin with a line of
 * {@code ---}, and the front matter ends at the next line of {@code ---} or {@code ...}.
 *
 * <p>The YAML is read with SnakeYAML's full parser and its safe constructor (no arbitrary types), as far as it can
 * be read ({@link LenientYaml}): tabs where Jekyll's Psych takes them, and a key that is not valid YAML is reported
 * and left out while the others are read. Timestamps are
 * kept as strings, because Jekyll reads {@code date} with Ruby's {@code Time.parse} in the site's time zone, which
 * {@link JekyllDate} reproduces; SnakeYAML would turn them into UTC instants and lose the written form.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FrontMatterParser {

    /**
     * The longest front matter read. SnakeYAML reads a long plain value at about a megabyte and a half a second, so
     * a 10 MB title would hold a request for many seconds; real front matter is a few kilobytes.
     */
    public static final int MAX_CHARACTERS = 512 * 1024;

    private static final Pattern OPENING = Pattern.compile("---[ \\t]*");
    private static final Pattern CLOSING = Pattern.compile("(---|\\.\\.\\.)[ \\t]*");

    /** Result of parsing one source. */
    public record Result(FrontMatter frontMatter, List<Diagnostic> diagnostics) {
    }

    public Result parse(PostSource source) {
        String text = source.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        // Only the front matter is split into lines; the body is taken as one substring.
        List<String> lines = new ArrayList<>();
        int offset = 0;
        int closing = -1;
        int bodyStart = text.length();
        while (offset < text.length()) {
            int newline = text.indexOf('\n', offset);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(offset, end > offset && text.charAt(end - 1) == '\r' ? end - 1 : end);
            int next = newline < 0 ? text.length() : newline + 1;
            if (lines.isEmpty() && !OPENING.matcher(line).matches()) {
                return new Result(new FrontMatter(Map.of(), text, 1, false), diagnostics);
            }
            if (!lines.isEmpty() && CLOSING.matcher(line).matches()) {
                closing = lines.size();
                bodyStart = next;
                break;
            }
            lines.add(line);
            offset = next;
        }
        if (lines.isEmpty()) {
            return new Result(new FrontMatter(Map.of(), text, 1, false), diagnostics);
        }
        if (closing < 0) {
            diagnostics.add(Diagnostic.error(source.name(), 1, Kind.FRONT_MATTER_INVALID,
                    "front matter opened with '---' on line 1 is never closed; add a line '---' after the last key"));
            return new Result(new FrontMatter(Map.of(), text, 1, false), diagnostics);
        }
        String yaml = String.join("\n", lines.subList(1, closing));
        String body = text.substring(bodyStart);
        int bodyFirstLine = closing + 2;

        reportTabs(source, lines, closing, diagnostics);
        Map<String, Object> values = new LinkedHashMap<>(readYaml(source, yaml, diagnostics));
        boolean dateInUtc = values.get("date") instanceof YamlTimestamp timestamp && timestamp.hasTimeWithoutZone();
        values.replaceAll((key, value) -> withTimestampsAsText(value));
        return new Result(new FrontMatter(values, body, bodyFirstLine, true, dateInUtc), diagnostics);
    }

    private static Map<String, Object> readYaml(PostSource source, String yaml, List<Diagnostic> diagnostics) {
        if (yaml.isBlank()) {
            return Map.of();
        }
        if (yaml.length() > MAX_CHARACTERS) {
            diagnostics.add(Diagnostic.error(source.name(), 2, Kind.FRONT_MATTER_INVALID, "front matter is "
                    + yaml.length() + " characters long; at most " + MAX_CHARACTERS + " are read, so move long"
                    + " text into the post's body"));
            return Map.of();
        }
        Object loaded;
        try {
            LenientYaml.Result result = LenientYaml.load(YAML.get(), yaml, 2);
            loaded = result.value();
            if (loaded == null || loaded instanceof Map<?, ?>) {
                for (LenientYaml.Loss loss : result.losses()) {
                    diagnostics.add(Diagnostic.error(source.name(), loss.line(), Kind.FRONT_MATTER_PARTLY_READ,
                            "front matter key '" + loss.key() + "' is not read, as it is not valid YAML: "
                                    + loss.problem() + "; the other keys are read"));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 1 : mark.getLine() + 2;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            diagnostics.add(Diagnostic.error(source.name(), line, Kind.FRONT_MATTER_INVALID,
                    "front matter is not valid YAML: " + problem.trim()
                            + (e.getContext() != null ? " (" + e.getContext().trim() + ")" : "")));
            return Map.of();
        } catch (YAMLException e) {
            diagnostics.add(Diagnostic.error(source.name(), 2, Kind.FRONT_MATTER_INVALID,
                    "front matter is not valid YAML: " + e.getMessage()));
            return Map.of();
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            diagnostics.add(Diagnostic.error(source.name(), 2, Kind.FRONT_MATTER_INVALID,
                    "front matter must be a mapping of keys to values (key: value), but it is a "
                            + describe(loaded)));
            return Map.of();
        }
        String looping = keyContainingItself(map);
        if (looping != null) {
            diagnostics.add(Diagnostic.error(source.name(), 2, Kind.FRONT_MATTER_INVALID,
                    "front matter is not valid here: the value of '" + looping + "' contains itself (an alias"
                            + " inside its own anchor, such as 'x: &x [*x]'); write the value out instead"));
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        return values;
    }

    /**
     * The first top-level key whose value contains itself, or null. YAML allows such loops through anchors and
     * aliases, but nothing that stores or shows front matter (JSON, the editor, a Jekyll site) can write one.
     */
    private static String keyContainingItself(Map<?, ?> map) {
        java.util.Set<Object> path = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Object> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        path.add(map);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (loops(entry.getValue(), path, done)) {
                return String.valueOf(entry.getKey());
            }
        }
        return null;
    }

    /**
     * Whether {@code value} reaches a collection already on {@code path}: a shared alias is fine, a loop is not.
     * Collections already seen whole are in {@code done} and not walked again, so aliases of aliases (a "billion
     * laughs") cost one visit per node, not one per way of reaching it.
     */
    private static boolean loops(Object value, java.util.Set<Object> path, java.util.Set<Object> done) {
        java.util.Collection<?> children;
        if (value instanceof Map<?, ?> map) {
            children = map.values();
        } else if (value instanceof java.util.Collection<?> collection) {
            children = collection;
        } else {
            return false;
        }
        if (done.contains(value)) {
            return false;
        }
        if (!path.add(value)) {
            return true;
        }
        for (Object child : children) {
            if (loops(child, path, done)) {
                return true;
            }
        }
        path.remove(value);
        done.add(value);
        return false;
    }

    private static void reportTabs(PostSource source, List<String> lines, int closing, List<Diagnostic> diagnostics) {
        for (int i = 1; i < closing; i++) {
            String line = lines.get(i);
            String indentation = line.substring(0, line.length() - line.stripLeading().length());
            if (indentation.indexOf('\t') >= 0) {
                diagnostics.add(Diagnostic.warning(source.name(), i + 1, Kind.FRONT_MATTER_PORTABILITY,
                        "front matter indents with a tab character, which YAML (and Jekyll) refuse; indent with"
                                + " spaces"));
                return;
            }
        }
    }

    private static String describe(Object value) {
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof String) {
            return "single string";
        }
        return value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * An unquoted YAML timestamp, as written. Kept apart from other text only until the front matter is read, so the
     * reader can tell {@code date: 2017-07-07 09:30:00} (which Jekyll's Psych takes as UTC) from the same text
     * quoted (which Jekyll reads in the site zone); every value the rest of the engine sees is a string.
     */
    private record YamlTimestamp(String text) {
        private static final Pattern TIME_WITHOUT_ZONE = Pattern.compile(
                "\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]|[ \\t]+)\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d*)?");

        boolean hasTimeWithoutZone() {
            return TIME_WITHOUT_ZONE.matcher(text.strip()).matches();
        }
    }

    private static Object withTimestampsAsText(Object value) {
        if (value instanceof YamlTimestamp timestamp) {
            return timestamp.text();
        }
        if (value instanceof Map<?, ?> map && map.values().stream().anyMatch(FrontMatterParser::holdsTimestamp)) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, withTimestampsAsText(v)));
            return copy;
        }
        if (value instanceof List<?> list && list.stream().anyMatch(FrontMatterParser::holdsTimestamp)) {
            return new ArrayList<>(list.stream().map(FrontMatterParser::withTimestampsAsText).toList());
        }
        return value;
    }

    private static boolean holdsTimestamp(Object value) {
        if (value instanceof YamlTimestamp) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(FrontMatterParser::holdsTimestamp);
        }
        return value instanceof List<?> list && list.stream().anyMatch(FrontMatterParser::holdsTimestamp);
    }

    /** A {@link Yaml} is not thread-safe but costly to build, so each thread keeps one. */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(FrontMatterParser::newYaml);

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        // Custom keys may hold long texts; the default 3 MB cap on the whole document is kept as a safety limit.
        options.setMaxAliasesForCollections(50);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new TimestampsAsWritten(options), new Representer(dumperOptions), dumperOptions, options,
                new Resolver());
    }

    /** The safe constructor, with timestamps kept as written (see the class comment). */
    private static final class TimestampsAsWritten extends SafeConstructor {
        TimestampsAsWritten(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new YamlTimestamp(constructScalar((ScalarNode) node));
                }
            });
        }
    }
}
