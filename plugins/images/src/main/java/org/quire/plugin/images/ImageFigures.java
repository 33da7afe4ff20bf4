package org.quire.plugin.images;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * A Markdown image with a title that stands alone in its paragraph, {@code ![A lake](/media/lake.jpg "Dawn at
 * the lake")}, becomes a figure whose caption is the title:
 * {@code <figure class="quire-figure"><img src="/media/lake.jpg" alt="A lake" /><figcaption>Dawn at the
 * lake</figcaption></figure>}. An image with a title inside a sentence keeps it as its {@code title} attribute, since
 * a figure cannot stand inside a paragraph. Figures, captions and classes are kept by the host's HTML policy for
 * every author.
 */
final class ImageFigures {

    static final String FIGURE_CLASS = "quire-figure";

    private ImageFigures() {
    }

    /** A figure holding one image, captioned. */
    static final class ImageFigure extends CustomBlock {
        final String caption;

        ImageFigure(String caption) {
            this.caption = caption;
        }
    }

    /** Replaces each paragraph that holds only a titled image with a figure. */
    static void wrap(Node document) {
        List<Paragraph> paragraphs = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Paragraph paragraph) {
                Node only = paragraph.getFirstChild();
                if (only instanceof Image image && only.getNext() == null && image.getTitle() != null
                        && !image.getTitle().isBlank()) {
                    paragraphs.add(paragraph);
                }
            }
        });
        for (Paragraph paragraph : paragraphs) {
            Image image = (Image) paragraph.getFirstChild();
            ImageFigure figure = new ImageFigure(image.getTitle().strip());
            image.setTitle(null);
            figure.appendChild(image);
            paragraph.insertBefore(figure);
            paragraph.unlink();
        }
    }

    static Extension extension() {
        return new FigureExtension();
    }

    private static final class FigureExtension implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void extend(HtmlRenderer.Builder builder) {
            builder.nodeRendererFactory(FigureRenderer::new);
        }
    }

    private static final class FigureRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        FigureRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(ImageFigure.class);
        }

        @Override
        public void render(Node node) {
            ImageFigure figure = (ImageFigure) node;
            html.line();
            html.tag("figure", Map.of("class", FIGURE_CLASS));
            Node child = figure.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
            html.tag("figcaption");
            html.text(figure.caption);
            html.tag("/figcaption");
            html.tag("/figure");
            html.line();
        }
    }
}
