package org.quire.web.plugins.testplugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.PostView;
import org.quire.api.QuirePlugin;
import org.quire.api.SettingDefinition;
import org.quire.api.SettingType;
import org.quire.api.SiteEvent;
import org.quire.api.TagView;

/**
 * A plugin that uses the host as a real one would: a route rendered through its own template and setting, events,
 * and one route that tries to take a core path (which the host must refuse).
 */
public final class TagIndexTestPlugin implements QuirePlugin {

    /** What the plugin heard, for the tests to inspect. */
    public static final List<SiteEvent> EVENTS = new CopyOnWriteArrayList<>();

    private PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("test-tag-index").name("Tag index (test)").version("1.0")
                .setting(SettingDefinition.of("heading", SettingType.STRING, "Posts tagged", "Heading of the page"))
                .events(org.quire.api.EventDelivery.EVERY_INSTANCE).build();
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<String> templates() {
        return List.of("tag.html");
    }

    @Override
    public void onEvent(SiteEvent event) {
        EVENTS.add(event);
    }

    @Override
    public List<PageRoute> routes() {
        return List.of(new PageRoute() {
            @Override
            public String pattern() {
                return "/tag-index/{tag}/";
            }

            @Override
            public List<String> paths() {
                return context.site().tags().stream().map(t -> "/tag-index/" + t.urlForm() + "/").toList();
            }

            @Override
            public Optional<Page> render(String path) {
                String segment = path.substring("/tag-index/".length(), path.length() - 1);
                Optional<TagView> tag = context.site().tag(segment);
                return tag.map(t -> Page.html(context.templates().render("tag.html", Map.of(
                        "heading", context.settings().get("heading"), "name", t.name(),
                        "titles", context.site().postsTagged(t).stream().map(PostView::title).toList()))));
            }
        }, new PageRoute() {
            @Override
            public String pattern() {
                return "/archive/{year}/";
            }

            @Override
            public List<String> paths() {
                return List.of("/archive/2017/");
            }

            @Override
            public Optional<Page> render(String path) {
                return Optional.of(Page.html("hijacked"));
            }
        });
    }
}
