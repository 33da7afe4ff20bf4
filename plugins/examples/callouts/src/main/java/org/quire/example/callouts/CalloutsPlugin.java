package org.quire.example.callouts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commonmark.Extension;
import org.quire.api.Page;
import org.quire.api.PageRoute;
import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.SettingDefinition;
import org.quire.api.SettingType;

/**
 * Callouts: a blockquote that starts with {@code [!NOTE]}, {@code [!TIP]} or {@code [!WARNING]} (as on GitHub)
 * becomes a labelled box, and {@code /callouts/} shows each kind with its label. The labels are settings, so an
 * administrator can translate them; a change shows on the next render.
 */
public final class CalloutsPlugin implements QuirePlugin {

    public static final String ID = "callouts";

    private volatile PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        PluginDescriptor.Builder descriptor = PluginDescriptor.builder(ID)
                .name("Callouts")
                .version("1.0.0")
                .requiredApi("[1.0,2.0)");
        for (CalloutKind kind : CalloutKind.values()) {
            descriptor.setting(SettingDefinition.of(kind.labelSetting(), SettingType.STRING, kind.defaultLabel(),
                    "The label shown above a " + kind.marker() + " callout"));
        }
        return descriptor.build();
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public List<Extension> markdownExtensions() {
        return List.of(CalloutExtension.create(this::label));
    }

    @Override
    public List<PageRoute> routes() {
        return List.of(new LegendRoute());
    }

    @Override
    public List<String> templates() {
        return List.of("legend.html");
    }

    @Override
    public List<String> checkSetting(String key, String value) {
        if (key.startsWith("label-") && (value == null || value.isBlank() || value.length() > 40)) {
            return List.of("Setting '" + key + "': give a label of 1 to 40 characters");
        }
        return List.of();
    }

    /** The label an administrator chose for {@code kind}, read when a post is rendered. */
    String label(CalloutKind kind) {
        PluginContext current = context;
        return current == null ? kind.defaultLabel() : current.settings().get(kind.labelSetting());
    }

    /** {@code /callouts/}: every kind of callout with its label and how to write it. */
    private final class LegendRoute implements PageRoute {
        @Override
        public String pattern() {
            return "/callouts/";
        }

        @Override
        public List<String> paths() {
            return List.of("/callouts/");
        }

        @Override
        public Optional<Page> render(String path) {
            List<Map<String, String>> kinds = new java.util.ArrayList<>();
            for (CalloutKind kind : CalloutKind.values()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("css", kind.cssClass());
                row.put("label", label(kind));
                row.put("marker", "> " + kind.marker());
                kinds.add(row);
            }
            String html = context.templates().render("legend.html", Map.of("kinds", kinds));
            return Optional.of(Page.themed("Callouts", html));
        }
    }
}
