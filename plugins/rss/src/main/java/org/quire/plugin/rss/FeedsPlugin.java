package org.quire.plugin.rss;

import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed for the site, tags, categories and authors.
 *
 * <p>So far this declares the plugin so the host discovers and lists it; its contributions arrive with issue #9.
 */
public final class FeedsPlugin implements QuirePlugin {

    public static final String ID = "rss";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID)
                .name("Feeds")
                .version("0.1.0")
                .requiredApi("[1.0,2.0)")
                .build();
    }
}
