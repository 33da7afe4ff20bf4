package org.quire.example.callouts;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The Markdown side of callouts, as a commonmark extension: after parsing, a blockquote whose first paragraph starts
 * with a marker becomes a {@link Callout}, rendered as {@code <div class="callout callout-note">} with its label
 * first. Plain {@code div}, {@code p} and {@code class} survive the host's HTML policy for untrusted authors.
 */
final class CalloutExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /** A callout in the syntax tree; its children are the blockquote's, without the marker. */
    static final class Callout extends CustomBlock {
        final CalloutKind kind;

        Callout(CalloutKind kind) {
            this.kind = kind;
        }
    }

    private final Function<CalloutKind, String> labels;

    private CalloutExtension(Function<CalloutKind, String> labels) {
        this.labels = labels;
    }

    /** @param labels the label of each kind, asked at every render so a settings change shows at once */
    static Extension create(Function<CalloutKind, String> labels) {
        return new CalloutExtension(labels);
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.postProcessor(new MarkerFinder());
    }

    @Override
    public void extend(HtmlRenderer.Builder renderer) {
        renderer.nodeRendererFactory(CalloutRenderer::new);
    }

    private static final class MarkerFinder implements PostProcessor {
        @Override
        public Node process(Node document) {
            java.util.List<BlockQuote> quotes = new java.util.ArrayList<>();
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(BlockQuote blockQuote) {
                    quotes.add(blockQuote);
                    visitChildren(blockQuote);
                }
            });
            for (BlockQuote quote : quotes) {
                convert(quote);
            }
            return document;
        }

        private static void convert(BlockQuote quote) {
            if (!(quote.getFirstChild() instanceof Paragraph first) || !(first.getFirstChild() instanceof Text text)) {
                return;
            }
            CalloutKind kind = CalloutKind.ofMarker(text.getLiteral()).orElse(null);
            if (kind == null) {
                return;
            }
            String rest = text.getLiteral().substring(kind.marker().length()).stripLeading();
            if (rest.isEmpty()) {
                Node next = text.getNext();
                text.unlink();
                if (next instanceof SoftLineBreak) {
                    next.unlink();
                }
            } else {
                text.setLiteral(rest);
            }
            if (first.getFirstChild() == null) {
                first.unlink();
            }
            Callout callout = new Callout(kind);
            Node child = quote.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                callout.appendChild(child);
                child = next;
            }
            quote.insertBefore(callout);
            quote.unlink();
        }
    }

    private final class CalloutRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        CalloutRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Callout.class);
        }

        @Override
        public void render(Node node) {
            Callout callout = (Callout) node;
            html.line();
            html.tag("div", context.extendAttributes(node, "div", Map.of("class", callout.kind.cssClass())));
            html.line();
            html.tag("p", Map.of("class", "callout-title"));
            html.text(labels.apply(callout.kind));
            html.tag("/p");
            html.line();
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.line();
            html.tag("/div");
            html.line();
        }
    }
}
