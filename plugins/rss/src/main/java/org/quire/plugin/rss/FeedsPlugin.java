package org.quire.plugin.rss;

import java.util.List;

import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.SettingDefinition;
import org.quire.api.SettingType;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for the whole site and for each tag, category and author:
 * <ul>
 *   <li>{@code /feed.xml}, {@code /atom.xml}, {@code /feed.json} for the site;</li>
 *   <li>{@code /feeds/tags/{tag}/rss.xml}, {@code …/atom.xml}, {@code …/feed.json}, and the same under
 *       {@code /feeds/categories/{category}/} and {@code /feeds/authors/{handle}/}.</li>
 * </ul>
 * Tags are named in URLs by their URL form, so Chinese tags have feeds like any other.
 */
public final class FeedsPlugin implements QuirePlugin {

    public static final String ID = "feeds";
    static final String ITEMS = "items";
    static final String FULL_CONTENT = "full-content";

    private PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID)
                .name("Feeds")
                .version("0.2.0")
                .requiredApi("[1.3,2.0)")
                .setting(SettingDefinition.of(ITEMS, SettingType.INTEGER, "20", "How many posts each feed lists, newest first"))
                .setting(SettingDefinition.of(FULL_CONTENT, SettingType.BOOLEAN, "true",
                        "Put each post's full text in the feeds; when off, only its excerpt"))
                .build();
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<PageRoute> routes() {
        FeedWriter writer = new FeedWriter(context);
        return List.of(new SiteFeedRoute(context, writer, FeedFormat.RSS, "/feed.xml"),
                new SiteFeedRoute(context, writer, FeedFormat.ATOM, "/atom.xml"),
                new SiteFeedRoute(context, writer, FeedFormat.JSON, "/feed.json"),
                new ScopedFeedRoute(context, writer, FeedScope.TAG),
                new ScopedFeedRoute(context, writer, FeedScope.CATEGORY),
                new ScopedFeedRoute(context, writer, FeedScope.AUTHOR));
    }
}
