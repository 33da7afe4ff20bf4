package org.quire.core;

import java.util.Objects;

import org.quire.core.html.TrustLevel;
import org.quire.core.liquid.LinkResolver;

/**
 * Per-render choices.
 *
 * @param trust how far the post's raw HTML is trusted (decided by the web from the role of who saved it)
 * @param links how {@code post_url} and {@code link} find other posts
 */
public record RenderOptions(TrustLevel trust, LinkResolver links) {

    public RenderOptions {
        Objects.requireNonNull(trust, "trust");
        links = links == null ? LinkResolver.NONE : links;
    }

    public static RenderOptions trusted() {
        return new RenderOptions(TrustLevel.TRUSTED, LinkResolver.NONE);
    }

    public static RenderOptions untrusted() {
        return new RenderOptions(TrustLevel.UNTRUSTED, LinkResolver.NONE);
    }

    public RenderOptions withLinks(LinkResolver links) {
        return new RenderOptions(trust, links);
    }
}
