package org.quire.core.liquid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quire.core.Diagnostic;
import org.quire.core.Diagnostic.Kind;

/**
 * Translates the Liquid that Jekyll would have evaluated before Markdown, so an imported post reads as it did:
 * <ul>
 *   <li>{@code {% raw %}…{% endraw %}}: the content is kept literally, untouched by what follows;</li>
 *   <li>{@code {{ site.KEY }}} and {@code {{ page.KEY }}}: the site setting or front-matter value (also through the
 *       {@code relative_url} and {@code absolute_url} filters);</li>
 *   <li>{@code {% post_url name %}} and {@code {% link path %}}: the target's URL, when the site knows it;</li>
 *   <li>{@code {% highlight lang %}…{% endhighlight %}}: a fenced code block;</li>
 *   <li>{@code {% comment %}…{% endcomment %}}: removed, as Jekyll outputs nothing for it;</li>
 *   <li>kramdown attribute lists ({@code {: .class }}) outside code: removed, since commonmark has no attribute
 *       syntax.</li>
 * </ul>
 * A variable that is not set renders as nothing, as in Jekyll, with a warning. Anything else ({@code include},
 * {@code for}, a list where one value is expected) is left visible and reported with its line. Never
 * throws on input. Thread-safe.
 */
public final class LiquidTranslator {

    /** Possessive loops only: a long unterminated tag must not overflow the stack. */
    private static final Pattern LIQUID = Pattern.compile(
            "\\{%-?\\s*+(?<tag>[A-Za-z_]\\w*+)(?<args>[^%]*+(?:%(?!})[^%]*+)*+)%}"
                    + "|\\{\\{(?<expr>[^}]*+(?:}(?!})[^}]*+)*+)}}");
    /** Longer expressions are not worth evaluating, and would make the variable pattern recurse deeply. */
    private static final int MAX_EXPRESSION_LENGTH = 500;
    private static final Pattern VARIABLE = Pattern.compile(
            "\\s*(?<scope>site|page)\\.(?<path>[A-Za-z_][\\w-]*(?:\\.[A-Za-z_][\\w-]*)*)\\s*(?<filter>\\|\\s*(?:relative_url|absolute_url)\\s*)?");
    private static final Pattern STRING_WITH_URL_FILTER = Pattern.compile(
            "\\s*(['\"])(?<path>[^'\"]*)\\1\\s*\\|\\s*(?<filter>relative_url|absolute_url)\\s*");
    private static final Pattern ATTRIBUTE_LIST = Pattern.compile("\\{:[ \\t]*(?:[.#][^}\\n]*|[A-Za-z_][\\w-]*=[^}\\n]*|toc|[ \\t][^}\\n]*)}");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    /** What the translator needs to know about the post and its site. */
    public record Context(String sourceName, int bodyFirstLine, Map<String, Object> site, Map<String, Object> page,
                          LinkResolver links) {
    }

    public record Result(String markdown, List<Diagnostic> diagnostics) {
    }

    /** Liquid as a diagnostic quotes it: on one line, and short enough to read. */
    private static String quoted(String liquid) {
        String oneLine = liquid.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }

    public Result translate(String body, Context context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (body.indexOf('{') < 0) {
            return new Result(body, diagnostics);
        }
        LineIndex lines = new LineIndex(body, context.bodyFirstLine());
        StringBuilder out = new StringBuilder(body.length());
        Matcher m = LIQUID.matcher(body);
        int copied = 0;
        int searchFrom = 0;
        while (m.find(searchFrom)) {
            appendWithoutAttributeLists(out, body.substring(copied, m.start()));
            copied = m.end();
            searchFrom = m.end();
            int line = lines.lineAt(m.start());
            if (m.group("expr") != null) {
                out.append(expression(m.group(), withoutWhitespaceControl(m.group("expr")), line, context,
                        diagnostics));
                continue;
            }
            String tag = m.group("tag");
            String args = withoutWhitespaceControl(m.group("args")).trim();
            switch (tag) {
                case "raw" -> {
                    Block block = findEnd(body, m.end(), "endraw");
                    if (block == null) {
                        diagnostics.add(unclosed(context, line, "raw", "endraw"));
                        out.append(body, m.end(), body.length());
                    } else {
                        out.append(body, m.end(), block.contentEnd());
                    }
                    copied = searchFrom = block == null ? body.length() : block.end();
                }
                case "comment" -> {
                    Block block = findEnd(body, m.end(), "endcomment");
                    if (block == null) {
                        diagnostics.add(unclosed(context, line, "comment", "endcomment"));
                        out.append(m.group());
                    } else {
                        copied = searchFrom = block.end();
                    }
                }
                case "highlight" -> {
                    Block block = findEnd(body, m.end(), "endhighlight");
                    if (block == null) {
                        diagnostics.add(unclosed(context, line, "highlight", "endhighlight"));
                        out.append(m.group());
                    } else {
                        appendFencedCode(out, args, body.substring(m.end(), block.contentEnd()));
                        copied = searchFrom = block.end();
                    }
                }
                case "post_url" -> out.append(resolved(m.group(), context.links().postUrl(args), "post_url", args,
                        line, context, diagnostics));
                case "link" -> out.append(resolved(m.group(), context.links().link(args), "link", args, line,
                        context, diagnostics));
                default -> {
                    diagnostics.add(Diagnostic.warning(context.sourceName(), line, Kind.LIQUID_UNSUPPORTED,
                            "Liquid tag '" + tag + "' is not evaluated outside Jekyll; it is shown as written"));
                    out.append(m.group());
                }
            }
        }
        appendWithoutAttributeLists(out, body.substring(copied));
        return new Result(out.toString(), diagnostics);
    }

    /** Liquid's {@code {%- -%}} and {@code {{- -}}} trim whitespace around the tag; the dashes are not content. */
    private static String withoutWhitespaceControl(String inner) {
        String result = inner.startsWith("-") ? inner.substring(1) : inner;
        return result.endsWith("-") ? result.substring(0, result.length() - 1) : result;
    }

    private static String expression(String whole, String expr, int line, Context context, List<Diagnostic> diagnostics) {
        Matcher variable = VARIABLE.matcher(expr);
        if (expr.length() <= MAX_EXPRESSION_LENGTH && variable.matches()) {
            Map<String, Object> scope = variable.group("scope").equals("site") ? context.site() : context.page();
            Optional<Object> value = lookup(scope, variable.group("path"));
            if (value.isPresent() && isScalar(value.get())) {
                return applyUrlFilter(value.get().toString(), variable.group("filter"), context);
            }
            if (value.isEmpty() && !filledInByJekyll(variable.group("scope"), variable.group("path"))) {
                // Liquid renders a variable nobody set as nothing; Jekyll's page showed nothing there either.
                diagnostics.add(Diagnostic.warning(context.sourceName(), line, Kind.LIQUID_UNDEFINED,
                        quoted(whole) + ": " + variable.group("scope") + "." + variable.group("path")
                                + " is not set, so it renders as nothing, as in Jekyll"));
                return variable.group("filter") == null ? "" : applyUrlFilter("", variable.group("filter"), context);
            }
            diagnostics.add(Diagnostic.warning(context.sourceName(), line, Kind.LIQUID_UNSUPPORTED,
                    quoted(whole) + ": " + variable.group("scope") + "." + variable.group("path")
                            + (value.isEmpty() ? " is one Jekyll fills in as it builds, which is not evaluated here"
                            : " is not a single value") + "; it is shown as written"));
            return whole;
        }
        Matcher literal = STRING_WITH_URL_FILTER.matcher(expr);
        if (expr.length() <= MAX_EXPRESSION_LENGTH && literal.matches()) {
            return applyUrlFilter(literal.group("path"), literal.group("filter"), context);
        }
        diagnostics.add(Diagnostic.warning(context.sourceName(), line, Kind.LIQUID_UNSUPPORTED,
                "Liquid expression " + quoted(whole) + " is not evaluated outside Jekyll; it is shown as written"));
        return whole;
    }

    /** Variables Jekyll gives every page or site as it builds, beyond the front matter and {@code _config.yml}. */
    private static final java.util.Set<String> PAGE_BUILT_INS = java.util.Set.of("url", "date", "id", "title",
            "slug", "ext", "path", "name", "content", "excerpt", "collection", "next", "previous", "relative_path",
            "dir", "categories", "tags", "output");
    private static final java.util.Set<String> SITE_BUILT_INS = java.util.Set.of("time", "pages", "posts",
            "related_posts", "static_files", "html_pages", "html_files", "collections", "data", "documents",
            "categories", "tags", "source", "github", "environment", "jekyll");

    private static boolean filledInByJekyll(String scope, String dottedPath) {
        String first = dottedPath.contains(".") ? dottedPath.substring(0, dottedPath.indexOf('.')) : dottedPath;
        return (scope.equals("page") ? PAGE_BUILT_INS : SITE_BUILT_INS).contains(first);
    }

    private static String applyUrlFilter(String value, String filter, Context context) {
        if (filter == null) {
            return value;
        }
        String baseurl = lookup(context.site(), "baseurl").map(Object::toString).orElse("");
        String path = value.startsWith("/") || value.isEmpty() ? value : "/" + value;
        if (filter.contains("absolute_url")) {
            String url = lookup(context.site(), "url").map(Object::toString).orElse("");
            return url + baseurl + path;
        }
        return baseurl + path;
    }

    private static Optional<Object> lookup(Map<String, Object> root, String dottedPath) {
        Object current = root;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    private static String resolved(String whole, Optional<String> url, String tag, String target, int line,
                                   Context context, List<Diagnostic> diagnostics) {
        if (url.isPresent()) {
            return url.get();
        }
        diagnostics.add(Diagnostic.warning(context.sourceName(), line, Kind.LIQUID_UNRESOLVED_LINK,
                "{% " + tag + " " + target + " %} names nothing this site has; it is shown as written"));
        return whole;
    }

    private static Diagnostic unclosed(Context context, int line, String tag, String endTag) {
        return Diagnostic.warning(context.sourceName(), line, Kind.LIQUID_UNCLOSED,
                "{% " + tag + " %} has no {% " + endTag + " %}; " + ("raw".equals(tag)
                        ? "the rest of the post is kept literally" : "it is shown as written"));
    }

    private record Block(int contentEnd, int end) {
    }

    private static Block findEnd(String body, int from, String endTag) {
        Matcher end = Pattern.compile("\\{%-?\\s*" + endTag + "\\s*-?%}").matcher(body);
        return end.find(from) ? new Block(end.start(), end.end()) : null;
    }

    /** {@code highlight ruby linenos} becomes a fence with the language only; line numbers are the theme's job. */
    private static void appendFencedCode(StringBuilder out, String args, String code) {
        String language = args.isEmpty() ? "" : args.split("\\s+")[0];
        String content = code.replaceFirst("^[ \\t]*\\r?\\n", "").replaceFirst("\\r?\\n[ \\t]*$", "");
        String fence = "```";
        while (content.contains(fence)) {
            fence += "`";
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        out.append(fence).append(language).append('\n').append(content).append('\n').append(fence).append('\n');
    }

    /**
     * Copies Markdown, dropping kramdown attribute lists outside fenced code and code spans. A line holding only an
     * attribute list is dropped whole, so it leaves no empty paragraph.
     */
    private static void appendWithoutAttributeLists(StringBuilder out, String markdown) {
        if (!markdown.contains("{:")) {
            out.append(markdown);
            return;
        }
        String fence = fenceOpenAt(out);
        int start = 0;
        while (start < markdown.length()) {
            int newline = markdown.indexOf('\n', start);
            int end = newline < 0 ? markdown.length() : newline + 1;
            String line = markdown.substring(start, end);
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                out.append(line);
            } else if (fence != null) {
                if (closesFence(line, fence)) {
                    fence = null;
                }
                out.append(line);
            } else {
                String cleaned = withoutAttributeLists(line);
                if (cleaned.isBlank() && !line.isBlank()) {
                    start = end;
                    continue;
                }
                out.append(cleaned);
            }
            start = end;
        }
    }

    private static String withoutAttributeLists(String line) {
        if (!line.contains("{:")) {
            return line;
        }
        StringBuilder cleaned = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '`') {
                int run = i;
                while (run < line.length() && line.charAt(run) == '`') {
                    run++;
                }
                String ticks = line.substring(i, run);
                int close = line.indexOf(ticks, run);
                int spanEnd = close < 0 ? run : close + ticks.length();
                cleaned.append(line, i, spanEnd);
                i = spanEnd;
                continue;
            }
            Matcher list = ATTRIBUTE_LIST.matcher(line).region(i, line.length());
            if (c == '{' && list.lookingAt()) {
                i = list.end();
                continue;
            }
            cleaned.append(c);
            i++;
        }
        return cleaned.toString();
    }

    /** Whether the Markdown already copied ends inside an open fence; returns that fence, or null. */
    private static String fenceOpenAt(CharSequence written) {
        String fence = null;
        for (String line : written.toString().split("\n", -1)) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
            } else if (fence != null && closesFence(line, fence)) {
                fence = null;
            }
        }
        return fence;
    }

    private static boolean closesFence(String line, String fence) {
        String stripped = line.strip();
        return stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    /** Maps offsets in the body to 1-based lines of the file; built on first use, as most posts never need it. */
    private static final class LineIndex {
        private final String text;
        private final int firstLine;
        private int[] lineStarts;

        LineIndex(String text, int firstLine) {
            this.text = text;
            this.firstLine = firstLine;
        }

        int lineAt(int offset) {
            if (lineStarts == null) {
                int count = 1;
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        count++;
                    }
                }
                lineStarts = new int[count];
                int line = 1;
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) == '\n') {
                        lineStarts[line++] = i + 1;
                    }
                }
            }
            int index = java.util.Arrays.binarySearch(lineStarts, offset);
            return firstLine + (index >= 0 ? index : -index - 2);
        }
    }
}
