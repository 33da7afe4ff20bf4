package org.quire.core.plugin.samples;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.PostView;
import org.quire.api.QuirePlugin;

/** A route that lists its paths: one archive page per year that has published posts. */
public final class YearArchivePlugin implements QuirePlugin {

    private PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("sample-years").name("Year archive").version("1.0").build();
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<PageRoute> routes() {
        return List.of(new PageRoute() {
            @Override
            public String pattern() {
                return "/archive/{year}/";
            }

            @Override
            public List<String> paths() {
                return context.site().publishedPosts().stream().map(p -> p.published().getYear()).distinct().sorted()
                        .map(year -> "/archive/" + year + "/").toList();
            }

            @Override
            public Optional<Page> render(String path) {
                if (!paths().contains(path)) {
                    return Optional.empty();
                }
                int year = Integer.parseInt(path.split("/")[2]);
                String titles = context.site().publishedPosts().stream().filter(p -> p.published().getYear() == year)
                        .map(PostView::title).collect(Collectors.joining("\n"));
                return Optional.of(Page.of("text/plain; charset=UTF-8", titles));
            }
        });
    }
}
