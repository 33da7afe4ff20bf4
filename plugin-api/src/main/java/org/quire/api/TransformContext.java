package org.quire.api;

import java.util.Map;
import java.util.Optional;

/** What a {@link DocumentTransform} knows about the document at hand, and where it reports problems. */
public interface TransformContext {

    /** The source file or post identifier, as diagnostics name it. */
    String source();

    String title();

    /** The post's front matter as parsed, including keys Quire does not interpret. */
    Map<String, Object> frontMatter();

    /** The plugin's settings. */
    PluginSettings settings();

    /** The site's settings, when the document belongs to a site (empty in a bare engine). */
    Optional<SiteInfo> site();

    /**
     * Records a problem with the document; it reaches the author as a diagnostic naming the plugin and, when
     * {@code line} is positive, the source line.
     */
    void report(int line, String message);
}
