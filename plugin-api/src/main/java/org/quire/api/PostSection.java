package org.quire.api;

import java.util.Optional;

/**
 * HTML a plugin adds to a post's page, in a place of the theme named by {@link #slot()}: related posts after the
 * content, for example. The host renders sections when it renders the page and caches them with it; a section that
 * throws is reported and left out, and the page still renders.
 */
public interface PostSection {

    /** After the post's content, before its tags. */
    String AFTER_CONTENT = "after-content";

    /** Where the section goes; {@link #AFTER_CONTENT} is the one place the default theme has. */
    default String slot() {
        return AFTER_CONTENT;
    }

    /**
     * @return the section's HTML, which the host inserts as it is (so escape what comes from content, as rendering a
     *         template through {@link TemplateRenderer} does), or empty for no section on this post
     */
    Optional<String> render(PostView post);
}
