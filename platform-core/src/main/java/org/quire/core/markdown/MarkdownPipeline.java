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

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownPipeline(List<Extension> pluginExtensions) {
        List<Extension> extensions = new ArrayList<>(CORE_EXTENSIONS);
        extensions.addAll(pluginExtensions);
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .attributeProviderFactory(context -> new HeadingIdProvider())
                .build();
    }

    public Node parse(String markdown) {
        return parser.parse(markdown);
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
