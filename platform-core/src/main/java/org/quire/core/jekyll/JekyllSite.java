package org.quire.core.jekyll;

import java.util.List;
import java.util.Map;

import org.quire.core.Diagnostic;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.PostSource;

/**
 * A Jekyll site as read from its folder: its settings (from {@code _config.yml}), its posts and drafts as sources,
 * its authors by handle, what could not be read, and the files under post folders that are not posts.
 */
public record JekyllSite(SiteSettings settings, List<PostSource> posts, List<PostSource> drafts,
                         Map<String, JekyllAuthor> authors, List<Diagnostic> diagnostics, List<NotAPost> notPosts) {

    /** A file under a post folder that Jekyll would not publish as a post (or Quire does not import), and why. */
    public record NotAPost(String path, String reason) {
    }

    public JekyllSite {
        posts = List.copyOf(posts);
        drafts = List.copyOf(drafts);
        authors = Map.copyOf(authors);
        diagnostics = List.copyOf(diagnostics);
        notPosts = List.copyOf(notPosts);
    }

    public JekyllSite(SiteSettings settings, List<PostSource> posts, List<PostSource> drafts,
                      Map<String, JekyllAuthor> authors, List<Diagnostic> diagnostics) {
        this(settings, posts, drafts, authors, diagnostics, List.of());
    }
}
