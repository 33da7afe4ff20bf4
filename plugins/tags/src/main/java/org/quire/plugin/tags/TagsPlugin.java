package org.quire.plugin.tags;

import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;

/**
 * Tag, category and author archive pages.
 *
 * <p>So far this declares the plugin so the host discovers and lists it; its contributions arrive with issue #9.
 */
public final class TagsPlugin implements QuirePlugin {

    public static final String ID = "tags";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID)
                .name("Tags")
                .version("0.1.0")
                .requiredApi("[1.0,2.0)")
                .build();
    }
}
