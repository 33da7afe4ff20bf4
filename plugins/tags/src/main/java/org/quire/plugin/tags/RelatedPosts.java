package org.quire.plugin.tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quire.api.PluginContext;
import org.quire.api.PostSection;
import org.quire.api.PostView;
import org.quire.api.SiteInfo;
import org.quire.api.UrlPaths;

/**
 * Related posts after a post's content: the published posts that share the most tags with it, newer first among
 * equals, {@code related-posts} of them (0 turns the section off).
 */
final class RelatedPosts implements PostSection {

    private final PluginContext context;

    RelatedPosts(PluginContext context) {
        this.context = context;
    }

    @Override
    public Optional<String> render(PostView post) {
        int wanted = context.settings().getInt(TagsPlugin.RELATED_POSTS);
        if (wanted <= 0 || post.tags().isEmpty()) {
            return Optional.empty();
        }
        List<PostView> related = context.site().relatedPosts(post, wanted);
        if (related.isEmpty()) {
            return Optional.empty();
        }
        SiteInfo site = context.site().info();
        List<Map<String, Object>> items = new ArrayList<>();
        for (PostView other : related) {
            items.add(Map.of("title", other.title(), "href", site.basePath() + UrlPaths.encodePath(other.path())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", Labels.forLocale(site.locale()));
        data.put("posts", items);
        return Optional.of(context.templates().render("related.html", data));
    }
}
