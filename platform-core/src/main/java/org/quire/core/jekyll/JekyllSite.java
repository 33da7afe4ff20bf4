package org.quire.core.jekyll;

import java.util.List;
import java.util.Map;

import org.quire.core.Diagnostic;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;

/**
 * A Jekyll site as read from its folder: its settings (from {@code _config.yml}), its posts and drafts as sources,
 * its authors by handle, and what could not be read.
 */
public record JekyllSite(SiteSettings settings, List<PostSource> posts, List<PostSource> drafts,
                         Map<String, JekyllAuthor> authors, List<Diagnostic> diagnostics) {

    public JekyllSite {
        posts = List.copyOf(posts);
        drafts = List.copyOf(drafts);
        authors = Map.copyOf(authors);
        diagnostics = List.copyOf(diagnostics);
    }
}
