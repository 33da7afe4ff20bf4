package org.quire.plugin.tags;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.SiteInfo;
import org.quire.api.TagView;

/**
 * {@code /tags/}: every tag with its count, as a cloud (five weights by how often it is used) and as a list sorted by
 * the site language's collation, so Chinese tags come in pinyin order rather than by code point.
 */
final class TagIndexRoute implements PageRoute {

    private final PluginContext context;

    TagIndexRoute(PluginContext context) {
        this.context = context;
    }

    @Override
    public String pattern() {
        return "/tags/";
    }

    @Override
    public List<String> paths() {
        return enabled() ? List.of("/tags/") : List.of();
    }

    @Override
    public Optional<Page> render(String path) {
        if (!enabled() || !path.equals("/tags/")) {
            return Optional.empty();
        }
        SiteInfo site = context.site().info();
        List<TagView> tags = context.site().tags();
        int most = tags.stream().mapToInt(TagView::count).max().orElse(1);
        List<Map<String, Object>> cloud = new ArrayList<>();
        for (TagView tag : tags) {
            cloud.add(entry(site, tag, 1 + (int) Math.round(4.0 * (tag.count() - 1) / Math.max(1, most - 1))));
        }
        Collator collator = Collator.getInstance(site.locale());
        List<Map<String, Object>> list = tags.stream()
                .sorted(Comparator.comparing(TagView::name, collator))
                .map(tag -> entry(site, tag, 0)).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", Labels.forLocale(site.locale()));
        data.put("cloud", cloud);
        data.put("list", list);
        return Optional.of(Page.themed(Labels.forLocale(site.locale()).get("tags"),
                context.templates().render("index.html", data)));
    }

    private boolean enabled() {
        return context.settings().getBoolean(TagsPlugin.TAG_ARCHIVES);
    }

    private static Map<String, Object> entry(SiteInfo site, TagView tag, int weight) {
        return Map.of("name", tag.name(), "count", tag.count(), "weight", weight,
                "href", site.basePath() + "/tags/" + tag.urlForm() + "/");
    }
}
