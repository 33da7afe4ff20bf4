package org.quire.web.site;

import java.util.Optional;

/**
 * Something other than a post that serves paths of the public site: the site's own pages, a plugin's routes. Every
 * path has one owner, so a post's address or old address may not take a path one of these claims.
 */
public interface PathClaim {

    /**
     * Who serves {@code sitePath} (decoded, as a post's address is written, starting with {@code /}), in words for
     * an error message, such as {@code "the plugin 'rss' (its route /feed.xml)"}; empty when this claims nothing there.
     */
    Optional<String> ownerOf(String sitePath);
}
