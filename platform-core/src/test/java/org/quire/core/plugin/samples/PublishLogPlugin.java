package org.quire.core.plugin.samples;

import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;
import org.quire.api.SiteEvent;

/** An event listener: logs what it hears and drops the pages a published post changes. */
public final class PublishLogPlugin implements QuirePlugin {

    private PluginContext context;

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("sample-events").name("Publish log").version("1.0").order(200).build();
    }

    @Override
    public void start(PluginContext context) {
        this.context = context;
    }

    @Override
    public void onEvent(SiteEvent event) {
        if (event instanceof SiteEvent.PostPublished published) {
            context.logger().info("published " + published.post().path());
            context.cache().invalidatePath(published.post().path());
            context.cache().invalidatePrefix("/archive/");
        } else if (event instanceof SiteEvent.PostDeleted deleted) {
            context.logger().info("deleted " + deleted.path());
        }
    }
}
