package org.quire.api;

import org.commonmark.node.Node;

/**
 * A change a plugin makes to every rendered document, in two optional stages:
 * <ol>
 *   <li>{@link #transformTree} on the commonmark syntax tree after parsing, before rendering: the place to regroup
 *       sections or replace nodes (for example a service section becoming a card);</li>
 *   <li>{@link #transformHtml} on the rendered HTML after the host's HTML policy has cleaned untrusted markup:
 *       what a plugin writes here is trusted, so it must escape what it takes from the document.</li>
 * </ol>
 * One instance serves every document, from many threads at once: keep no per-document state in fields.
 */
public interface DocumentTransform {

    default void transformTree(Node document, TransformContext context) {
    }

    default String transformHtml(String html, TransformContext context) {
        return html;
    }
}
