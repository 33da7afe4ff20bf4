package org.quire.core.markdown;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A commonmark parser and renderer with the GFM extensions Quire always has (tables, strikethrough, autolink, task
 * lists, footnotes, heading ids) plus the given plugin extensions. Built once and shared across threads, as
 * commonmark's parser and renderer are.
 *
 * <p>Heading ids come from the heading-anchor extension's {@link IdGenerator}; {@link #headingIds} gives the same ids
 * the renderer writes, so the table of contents and the HTML agree.
 */
public final class MarkdownPipeline {

    private static final List<Extension> CORE_EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            TaskListItemsExtension.create(),
            FootnotesExtension.create());

    /**
     * How deep nodes may nest (block quotes, lists, emphasis and links inside each other). Real documents stay far
     * below; every walk of the tree after parsing recurses once per level.
     */
    public static final int MAX_DEPTH = 100;


    private final List<Extension> extensions;
    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownPipeline(List<Extension> pluginExtensions) {
        List<Extension> extensions = new ArrayList<>(CORE_EXTENSIONS);
        extensions.addAll(pluginExtensions);
        this.extensions = List.copyOf(extensions);
        this.parser = Parser.builder().extensions(extensions)
                .customInlineContentParserFactory(new LessThanInlineParser.Factory()).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .attributeProviderFactory(context -> new HeadingIdProvider())
                .build();
    }

    /**
     * Parses {@code markdown}, refusing a tree deeper than {@link #MAX_DEPTH}.
     *
     * @param firstLine the file line the text starts on, for the error
     * @throws NestingTooDeepException naming the line where the nesting passes the limit
     */
    public Node parse(String markdown, int firstLine) {
        refuseDeepLines(markdown, firstLine);
        Node document = null;
        StackOverflowError overflow = null;
        try {
            document = parser.parse(markdown);
        } catch (StackOverflowError e) {
            // The extensions' post-processors walk the tree recursively inside parse(); see whether depth was why.
            overflow = e;
        }
        if (document == null || deepestNode(document) != null) {
            // Rare: parse again without extensions (no recursive post-processing) keeping block positions, a cost
            // the normal case should not pay, to name the line.
            Node located;
            try {
                located = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS)
                        .customInlineContentParserFactory(new LessThanInlineParser.Factory()).build().parse(markdown);
            } catch (StackOverflowError e) {
                // Emphasis nested thousands deep overflows even the plain parser: its longest run of markers is
                // the likeliest place.
                throw tooDeep(firstLine + lineOfLongestEmphasisRun(markdown));
            }
            Node deepest = deepestNode(located);
            if (deepest == null) {
                if (overflow != null) {
                    throw overflow; // not the depth: let the caller find which plugin's extension it was
                }
                // Deep only with the extensions' nodes (footnotes, tables): the text's start is the best line.
                throw tooDeep(firstLine);
            }
            int line = firstLine;
            for (Node block = deepest; block != null; block = block.getParent()) {
                if (!block.getSourceSpans().isEmpty()) {
                    line = firstLine + block.getSourceSpans().get(0).getLineIndex();
                    break;
                }
            }
            throw tooDeep(line);
        }
        return document;
    }

    /**
     * Lines that open more containers than {@link #MAX_DEPTH} ({@code > > >}, {@code - - -}, {@code 1. 1.}), refused
     * before parsing: commonmark takes quadratic time over a line of 100,000 list markers.
     */
    private static void refuseDeepLines(String markdown, int firstLine) {
        int line = firstLine;
        int at = 0;
        int length = markdown.length();
        String fence = null;
        while (at < length) {
            int end = markdown.indexOf('\n', at);
            if (end < 0) {
                end = length;
            }
            String text = markdown.substring(at, Math.min(end, at + 200)).strip();
            // Lines of a fenced code block are text, and a thematic break (- - - …) opens nothing.
            if (fence != null || text.startsWith("```") || text.startsWith("~~~")) {
                if (fence == null) {
                    fence = text.substring(0, 3);
                } else if (text.startsWith(fence)) {
                    fence = null;
                }
                at = end + 1;
                line++;
                continue;
            }
            if (onlyBreakCharacters(markdown, at, end)) {
                at = end + 1;
                line++;
                continue;
            }
            int containers = 0;
            int i = at;
            while (i < end) {
                int spaces = 0;
                while (i < end && markdown.charAt(i) == ' ' && spaces < 4) {
                    i++;
                    spaces++;
                }
                char c = i < end ? markdown.charAt(i) : '\n';
                int digits = 0;
                while (i + digits < end && digits < 10 && Character.isDigit(markdown.charAt(i + digits))) {
                    digits++;
                }
                if (c == '>') {
                    i++;
                } else if ((c == '-' || c == '*' || c == '+') && i + 1 < end && markdown.charAt(i + 1) == ' ') {
                    i += 2;
                } else if (digits > 0 && i + digits + 1 < end && (markdown.charAt(i + digits) == '.'
                        || markdown.charAt(i + digits) == ')') && markdown.charAt(i + digits + 1) == ' ') {
                    i += digits + 2;
                } else {
                    break;
                }
                if (++containers > MAX_DEPTH) {
                    throw tooDeep(line);
                }
            }
            at = end + 1;
            line++;
        }
    }

    private static boolean onlyBreakCharacters(String markdown, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = markdown.charAt(i);
            if (c != '-' && c != '*' && c != '_' && c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int lineOfLongestEmphasisRun(String markdown) {
        int line = 0;
        int bestLine = 0;
        int best = 0;
        int run = 0;
        char previous = 0;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\n') {
                line++;
            }
            run = c == previous ? run + 1 : 1;
            previous = c;
            if ((c == '*' || c == '_') && run > best) {
                best = run;
                bestLine = line;
            }
        }
        return bestLine;
    }

    private static NestingTooDeepException tooDeep(int line) {
        return new NestingTooDeepException("line " + line + ": the Markdown is nested more than " + MAX_DEPTH
                + " levels deep (block quotes, lists or emphasis inside each other); Quire renders at most "
                + MAX_DEPTH, line);
    }

    /** The first node deeper than {@link #MAX_DEPTH}, found without recursion (which the depth could overflow). */
    private static Node deepestNode(Node document) {
        Node node = document.getFirstChild();
        int depth = 1;
        while (node != null) {
            if (depth > MAX_DEPTH) {
                return node;
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != null && node != document && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            node = node == null || node == document ? null : node.getNext();
        }
        return null;
    }

    public String render(Node node) {
        return renderer.render(node);
    }

    /** The id each heading of {@code document} gets when rendered, in document order. */
    public static Map<Heading, String> headingIds(Node document) {
        Map<Heading, String> ids = new HashMap<>();
        IdGenerator generator = newIdGenerator();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                ids.put(heading, generator.generateId(headingText(heading).toLowerCase(Locale.ROOT)));
            }
        });
        return ids;
    }

    /** The text of a heading: its text and code, without markup. */
    public static String headingText(Heading heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append(node.getLiteral());
            }
        });
        return text.toString().trim();
    }

    private static IdGenerator newIdGenerator() {
        return IdGenerator.builder().defaultId("section").build();
    }

    /** One per render: ids must be unique within one document, in document order. */
    private static final class HeadingIdProvider implements AttributeProvider {
        private final IdGenerator generator = newIdGenerator();

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading heading) {
                attributes.put("id", generator.generateId(headingText(heading).toLowerCase(Locale.ROOT)));
            }
        }
    }
}
