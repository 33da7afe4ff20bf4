package org.quire.core.plugin.samples;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.TagView;

/** A plugin that ships a template and renders it through the host: one card page per tag. */
public final class TagCardPlugin implements QuirePlugin {

    private PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("sample-template").name("Tag cards").version("1.0").build();
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<String> templates() {
        return List.of("card.html");
    }

    @Override
    public List<PageRoute> routes() {
        return List.of(new PageRoute() {
            @Override
            public String pattern() {
                return "/cards/{tag}/";
            }

            @Override
            public List<String> paths() {
                return context.site().tags().stream().map(t -> "/cards/" + t.urlForm() + "/").toList();
            }

            @Override
            public Optional<Page> render(String path) {
                String segment = path.substring("/cards/".length(), path.length() - 1);
                Optional<TagView> tag = context.site().tag(segment);
                return tag.map(t -> Page.html(context.templates().render("card.html",
                        Map.of("name", t.name(), "count", t.count()))));
            }
        });
    }
}
