package org.quire.core.html;

/**
 * How far the raw HTML in a post is trusted. The web application decides it from the role of whoever last saved
 * the post; an import run by an administrator is trusted.
 */
public enum TrustLevel {
    /** HTML is kept as written: scripts, embeds and forms included. */
    TRUSTED,
    /** HTML is cleaned: only formatting, links, images, tables and figures survive. */
    UNTRUSTED
}
