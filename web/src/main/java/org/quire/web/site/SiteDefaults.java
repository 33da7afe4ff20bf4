package org.quire.web.site;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The site settings a new installation starts with ({@code quire.site.*}, or {@code QUIRE_SITE_*} environment
 * variables). They seed the database on first start; after that the admin UI owns them.
 */
@ConfigMapping(prefix = "quire.site")
public interface SiteDefaults {

    @WithDefault("Quire")
    String title();

    @WithDefault("A site published with Quire")
    String description();

    /** Absolute base URL; canonical links, feeds and the sitemap use it, never the request's Host header. */
    @WithDefault("http://localhost:8080")
    String url();

    @WithName("base-path")
    Optional<String> basePath();

    /** A BCP 47 language tag such as {@code en} or {@code zh-CN}. */
    @WithDefault("en")
    String locale();

    @WithName("time-zone")
    @WithDefault("UTC")
    String timeZone();

    /** A Jekyll permalink pattern or style name. */
    @WithDefault("/:year/:month/:slug/")
    String permalink();

    @WithName("posts-per-page")
    @WithDefault("10")
    int postsPerPage();
}
