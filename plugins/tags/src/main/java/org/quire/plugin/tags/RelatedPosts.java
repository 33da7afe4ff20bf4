package org.quire.plugin.tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quire.api.PluginContext;
import org.quire.api.PostSection;
import org.quire.api.PostView;
import org.quire.api.SiteInfo;
import org.quire.api.TagView;
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
        Map<String, Integer> shared = new HashMap<>();
        Map<String, PostView> byId = new HashMap<>();
        for (TagView tag : post.tags()) {
            for (PostView other : context.site().postsTagged(tag)) {
                if (!other.id().equals(post.id())) {
                    shared.merge(other.id(), 1, Integer::sum);
                    byId.put(other.id(), other);
                }
            }
        }
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        List<PostView> related = byId.values().stream()
                .sorted(Comparator.comparing((PostView p) -> -shared.get(p.id()))
                        .thenComparing(p -> p.published(), Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(wanted).toList();
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
