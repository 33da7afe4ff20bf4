package org.quire.plugin.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.quire.api.Alternate;
import org.quire.api.AuthorView;
import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.SiteInfo;
import org.quire.api.TagView;
import org.quire.api.UrlPaths;

/**
 * Feeds of one tag, category or author: {@code /feeds/<scope>/<name>/rss.xml}, {@code atom.xml} and
 * {@code feed.json}. Tags are named by their URL form (the host's one tag identity, so {@code Nova} and {@code nova}
 * share a feed); categories and authors by their name and handle, percent-encoded.
 */
final class ScopedFeedRoute implements PageRoute {

    private final PluginContext context;
    private final FeedWriter writer;
    private final FeedScope scope;

    ScopedFeedRoute(PluginContext context, FeedWriter writer, FeedScope scope) {
        this.context = context;
        this.writer = writer;
        this.scope = scope;
    }

    @Override
    public String pattern() {
        return "/feeds/" + scope.segment + "/{name}/{file}";
    }

    @Override
    public List<String> paths() {
        List<String> names = switch (scope) {
            case TAG -> context.site().tags().stream().map(TagView::urlForm).toList();
            case CATEGORY -> context.site().categories().stream().map(UrlPaths::encodeSegment).toList();
            case AUTHOR -> context.site().authors().stream().map(a -> UrlPaths.encodeSegment(a.handle())).toList();
        };
        List<String> paths = new ArrayList<>();
        for (String name : names) {
            for (FeedFormat format : FeedFormat.values()) {
                paths.add(prefix() + name + "/" + format.fileName);
            }
        }
        return paths;
    }

    @Override
    public Optional<Page> render(String path) {
        if (!path.startsWith(prefix())) {
            return Optional.empty();
        }
        String rest = path.substring(prefix().length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String name = rest.substring(0, slash);
        Optional<FeedFormat> format = FeedFormat.byFileName(rest.substring(slash + 1));
        if (format.isEmpty()) {
            return Optional.empty();
        }
        return source(name, path).map(source -> writer.write(source, format.get()));
    }

    /**
     * The archive page of a tag, category or author announces its feeds: {@code /tags/aws/} (and its later pages)
     * gets {@code /feeds/tags/aws/…}. The name is taken from the page path as it is, without a lookup.
     */
    @Override
    public List<Alternate> alternatesOf(String pagePath) {
        String archive = "/" + scope.segment + "/";
        if (!pagePath.startsWith(archive)) {
            return List.of();
        }
        String rest = pagePath.substring(archive.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return List.of();
        }
        String name = rest.substring(0, slash);
        String label = UrlPaths.decode(name);
        List<Alternate> alternates = new ArrayList<>();
        for (FeedFormat format : FeedFormat.values()) {
            alternates.add(new Alternate(format.contentType.substring(0, format.contentType.indexOf(';')),
                    label + " (" + format.fileName + ")", prefix() + name + "/" + format.fileName));
        }
        return alternates;
    }

    private String prefix() {
        return "/feeds/" + scope.segment + "/";
    }

    private Optional<FeedSource> source(String name, String selfPath) {
        SiteInfo site = context.site().info();
        String decoded = UrlPaths.decode(name);
        return switch (scope) {
            case TAG -> context.site().tag(name).map(tag -> new FeedSource(tag.name() + " · " + site.title(),
                    site.description(), "/tags/" + tag.urlForm() + "/", selfPath,
                    limit -> context.site().postsTagged(tag, 0, limit)));
            case CATEGORY -> context.site().categories().stream().filter(c -> c.equalsIgnoreCase(decoded)).findFirst()
                    .map(category -> new FeedSource(category + " · " + site.title(), site.description(),
                            "/categories/" + UrlPaths.encodeSegment(category) + "/", selfPath,
                            limit -> context.site().postsInCategory(category, 0, limit)));
            case AUTHOR -> context.site().authors().stream().filter(a -> a.handle().equalsIgnoreCase(decoded))
                    .findFirst().map((AuthorView author) -> new FeedSource(author.displayName() + " · " + site.title(),
                            author.bio(), "/authors/" + author.handle() + "/", selfPath,
                            limit -> context.site().postsBy(author.handle(), 0, limit)));
        };
    }

}
