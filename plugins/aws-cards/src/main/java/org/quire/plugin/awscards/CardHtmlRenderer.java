package org.quire.plugin.awscards;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.quire.plugin.awscards.CardNodes.CardInfo;
import org.quire.plugin.awscards.CardNodes.CardNotice;
import org.quire.plugin.awscards.CardNodes.CardPart;
import org.quire.plugin.awscards.CardNodes.ExplicitFields;
import org.quire.plugin.awscards.CardNodes.ServiceCard;
import org.quire.plugin.awscards.CardNodes.ServiceMention;

/**
 * Writes the plugin's nodes as HTML made only of elements and attributes the host's HTML policy keeps for every
 * author (sections, headings, paragraphs, lists, links, spans with classes and titles), so cards look the same
 * whoever wrote the post, and read well without CSS and in feed readers.
 *
 * <p>A card: {@code <section class="aws-card aws-service-eks aws-category-containers">}, the section's own
 * heading, an "about" block (the author's feature line here; badge, category, official name, description and links
 * from {@link AboutBlocks} later), then the author's content with recognised parts in
 * {@code <div class="aws-card-part aws-card-benefits">} and so on.
 */
final class CardHtmlRenderer implements NodeRenderer {

    /** The commonmark extension that adds this renderer; it adds no syntax. */
    static final class CardsExtension implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void extend(HtmlRenderer.Builder builder) {
            builder.nodeRendererFactory(CardHtmlRenderer::new);
        }
    }

    static Extension extension() {
        return new CardsExtension();
    }

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    private CardHtmlRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(ServiceCard.class, CardPart.class, ServiceMention.class, CardNotice.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof ServiceCard card) {
            renderCard(card);
        } else if (node instanceof CardPart part) {
            html.line();
            html.tag("div", AboutBlocks.attributes("class", "aws-card-part aws-card-" + part.kind.cssName));
            html.line();
            renderChildren(part.getFirstChild());
            html.line();
            html.tag("/div");
            html.line();
        } else if (node instanceof ServiceMention mention) {
            renderMention(mention);
        } else if (node instanceof CardNotice notice) {
            renderNotice(notice);
        }
    }

    private void renderCard(ServiceCard card) {
        CardInfo info = card.info;
        html.line();
        html.tag("section", AboutBlocks.attributes("class", "aws-card aws-service-" + info.service().id() + " aws-category-"
                + info.category().id()));
        html.line();
        Node child = card.getFirstChild();
        if (child instanceof Heading) {
            context.render(child);
            child = child.getNext();
        }
        renderAbout(info);
        renderChildren(child);
        if (card.explicit != null) {
            renderExplicitFields(card.explicit, info.labels());
        }
        html.line();
        html.tag("/section");
        html.line();
    }

    /** The author's feature line; {@link AboutBlocks} adds the catalogue's part after the HTML policy has run. */
    private void renderAbout(CardInfo info) {
        html.tag("div", AboutBlocks.attributes("class", "aws-card-about aws-about-" + info.service().id()));
        html.line();
        if (!info.feature().isEmpty()) {
            html.tag("p", AboutBlocks.attributes("class", "aws-card-feature"));
            html.text(info.feature());
            html.tag("/p");
            html.line();
        }
        html.tag("/div");
        html.line();
    }

    private void renderExplicitFields(ExplicitFields fields, Map<String, String> labels) {
        if (fields.rating() != null) {
            int stars = fields.rating();
            html.tag("p", AboutBlocks.attributes("class", "aws-card-rating"));
            html.text(labels.get("rating") + " ");
            html.tag("span", AboutBlocks.attributes("class", "aws-card-stars", "title", String.format(labels.get("outOf"), stars)));
            html.text("★".repeat(stars) + "☆".repeat(5 - stars));
            html.tag("/span");
            html.text(" " + String.format(labels.get("outOf"), stars));
            html.tag("/p");
            html.line();
        }
        list(fields.pros(), PartKind.BENEFITS, labels.get("benefits"));
        list(fields.cons(), PartKind.DRAWBACKS, labels.get("drawbacks"));
        if (fields.verdict() != null && !fields.verdict().isBlank()) {
            html.tag("div", AboutBlocks.attributes("class", "aws-card-part aws-card-" + PartKind.VERDICT.cssName));
            partTitle(labels.get("verdict"));
            html.tag("p");
            html.text(fields.verdict());
            html.tag("/p");
            html.tag("/div");
            html.line();
        }
    }

    private void list(List<String> items, PartKind kind, String title) {
        if (items == null || items.isEmpty()) {
            return;
        }
        html.tag("div", AboutBlocks.attributes("class", "aws-card-part aws-card-" + kind.cssName));
        partTitle(title);
        html.tag("ul");
        for (String item : items) {
            html.tag("li");
            html.text(item);
            html.tag("/li");
        }
        html.tag("/ul");
        html.tag("/div");
        html.line();
    }

    private void partTitle(String title) {
        html.tag("p", AboutBlocks.attributes("class", "aws-card-part-title"));
        html.tag("strong");
        html.text(title);
        html.tag("/strong");
        html.tag("/p");
    }

    private void renderMention(ServiceMention mention) {
        if (mention.service == null || mention.href == null) {
            html.tag("span", AboutBlocks.attributes("class", mention.service == null ? "aws-mention-unknown"
                    : "aws-mention aws-service-" + mention.service.id(), "title", mention.tooltip));
            renderChildren(mention.getFirstChild());
            html.tag("/span");
            return;
        }
        html.tag("a", AboutBlocks.attributes("class", "aws-mention aws-service-" + mention.service.id(), "href", mention.href,
                "title", mention.tooltip));
        renderChildren(mention.getFirstChild());
        html.tag("/a");
    }

    private void renderNotice(CardNotice notice) {
        html.line();
        html.tag("div", AboutBlocks.attributes("class", "aws-card-notice"));
        html.line();
        html.tag("p");
        html.tag("strong");
        html.text(notice.title);
        html.tag("/strong");
        html.text(" " + notice.message);
        html.tag("/p");
        html.line();
        if (notice.literal != null && !notice.literal.isEmpty()) {
            html.tag("pre");
            html.tag("code");
            html.text(notice.literal);
            html.tag("/code");
            html.tag("/pre");
            html.line();
        }
        html.tag("/div");
        html.line();
    }

    private void renderChildren(Node first) {
        Node child = first;
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }
}
