package org.quire.plugin.tags;

import java.util.ArrayList;
import java.util.List;

import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.PostSection;
import org.quire.api.QuirePlugin;
import org.quire.api.SettingDefinition;
import org.quire.api.SettingType;

/**
 * Tag and category archives: {@code /tags/} (a cloud and an alphabetical list, sorted for the site's language),
 * {@code /tags/{tag}/} and {@code /categories/{category}/}, each paginated ({@code …/page/2/}). Pages are themed by
 * the host; tags are named by their URL form, so {@code 云计算}, {@code Linux initramfs} and {@code C++} have
 * archives like any other, and {@code Nova} and {@code nova} share one. Author archives are the theme's.
 */
public final class TagsPlugin implements QuirePlugin {

    public static final String ID = "tags";
    static final String POSTS_PER_PAGE = "posts-per-page";
    static final String TAG_ARCHIVES = "tag-archives";
    static final String CATEGORY_ARCHIVES = "category-archives";
    static final String RELATED_POSTS = "related-posts";

    private PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID)
                .name("Tags")
                .version("0.2.0")
                .requiredApi("[1.3,2.0)")
                .setting(SettingDefinition.of(POSTS_PER_PAGE, SettingType.INTEGER, "10", "Posts on one archive page"))
                .setting(SettingDefinition.of(TAG_ARCHIVES, SettingType.BOOLEAN, "true", "Serve /tags/ and one archive per tag"))
                .setting(SettingDefinition.of(CATEGORY_ARCHIVES, SettingType.BOOLEAN, "true", "Serve one archive per category"))
                .setting(SettingDefinition.of(RELATED_POSTS, SettingType.INTEGER, "3",
                        "How many related posts (sharing tags) to show after a post; 0 for none"))
                .build();
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<String> templates() {
        return List.of("index.html", "archive.html", "related.html");
    }

    @Override
    public List<PostSection> postSections() {
        return List.of(new RelatedPosts(context));
    }

    @Override
    public List<PageRoute> routes() {
        List<PageRoute> routes = new ArrayList<>();
        routes.add(new TagIndexRoute(context));
        for (ArchiveRoute.Kind kind : ArchiveRoute.Kind.values()) {
            routes.add(new ArchiveRoute(context, kind, false));
            routes.add(new ArchiveRoute(context, kind, true));
        }
        return routes;
    }
}
