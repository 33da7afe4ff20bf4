package org.quire.core.liquid;

import java.util.Optional;

/**
 * Finds the URL of another post or file of the site, for Jekyll's {@code post_url} and {@code link} tags. The URL
 * is a site path including the base path, as Jekyll 4 returns it.
 */
public interface LinkResolver {

    LinkResolver NONE = new LinkResolver() {
        @Override
        public Optional<String> postUrl(String reference) {
            return Optional.empty();
        }

        @Override
        public Optional<String> link(String sourcePath) {
            return Optional.empty();
        }
    };

    /** @param reference a post's file name without extension, optionally with a folder: {@code 2010-07-12-name} */
    Optional<String> postUrl(String reference);

    /** @param sourcePath a source file path relative to the site, such as {@code _posts/2016-01-01-name.md} */
    Optional<String> link(String sourcePath);
}
