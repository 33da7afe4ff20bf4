package org.quire.plugin.rss;

import java.util.List;
import java.util.Optional;

import org.quire.api.Alternate;
import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.SiteInfo;

/** One of the whole site's feeds: {@code /feed.xml} (RSS), {@code /atom.xml} or {@code /feed.json}. */
final class SiteFeedRoute implements PageRoute {

    private final PluginContext context;
    private final FeedWriter writer;
    private final FeedFormat format;
    private final String path;

    SiteFeedRoute(PluginContext context, FeedWriter writer, FeedFormat format, String path) {
        this.context = context;
        this.writer = writer;
        this.format = format;
        this.path = path;
    }

    @Override
    public String pattern() {
        return path;
    }

    @Override
    public List<String> paths() {
        return List.of(path);
    }

    /** Every page of the site announces the site's feeds. */
    @Override
    public List<Alternate> alternatesOf(String pagePath) {
        String kind = switch (format) {
            case RSS -> "RSS";
            case ATOM -> "Atom";
            case JSON -> "JSON Feed";
        };
        return List.of(new Alternate(format.contentType.substring(0, format.contentType.indexOf(';')),
                context.site().info().title() + " (" + kind + ")", path));
    }

    @Override
    public Optional<Page> render(String requested) {
        if (!path.equals(requested)) {
            return Optional.empty();
        }
        SiteInfo site = context.site().info();
        return Optional.of(writer.write(new FeedSource(site.title(), site.description(), "/", path,
                limit -> context.site().publishedPosts(0, limit)), format));
    }
}
