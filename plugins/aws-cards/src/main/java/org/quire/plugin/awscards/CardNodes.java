package org.quire.plugin.awscards;

import java.util.List;
import java.util.Map;

import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;

/** The syntax-tree nodes the plugin adds; {@link CardHtmlRenderer} turns them into HTML. */
final class CardNodes {

    private CardNodes() {
    }

    /** What the card's header shows, fixed when the document is transformed. */
    record CardInfo(AwsService service, Category category, String feature, Map<String, String> labels) {
    }

    /** The fields of an explicit {@code aws-card} block; null or empty when not given. */
    record ExplicitFields(Integer rating, List<String> pros, List<String> cons, String verdict) {
    }

    /** A service card: its heading first, then the section's own content. */
    static final class ServiceCard extends CustomBlock {
        final CardInfo info;
        final ExplicitFields explicit;

        ServiceCard(CardInfo info, ExplicitFields explicit) {
            this.info = info;
            this.explicit = explicit;
        }
    }

    /** A recognised subsection of a card, such as benefits or the verdict. */
    static final class CardPart extends CustomBlock {
        final PartKind kind;

        CardPart(PartKind kind) {
            this.kind = kind;
        }
    }

    /** An {@code aws:} link; {@code service} is null when the id is unknown, and {@code tooltip} then says so. */
    static final class ServiceMention extends CustomNode {
        final AwsService service;
        final String href;
        final String tooltip;

        ServiceMention(AwsService service, String href, String tooltip) {
            this.service = service;
            this.href = href;
            this.tooltip = tooltip;
        }
    }

    /** A visible notice in place of a card that could not be made, with the block's text kept below it. */
    static final class CardNotice extends CustomBlock {
        final String title;
        final String message;
        final String literal;

        CardNotice(String title, String message, String literal) {
            this.title = title;
            this.message = message;
            this.literal = literal;
        }
    }
}
