package org.quire.plugin.images;

import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;

/**
 * Safe image processing, responsive variants and the img transform.
 *
 * <p>So far this declares the plugin so the host discovers and lists it; its contributions arrive with issue #8.
 */
public final class ImagesPlugin implements QuirePlugin {

    public static final String ID = "images";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID)
                .name("Images")
                .version("0.1.0")
                .requiredApi("[1.0,2.0)")
                .build();
    }
}
