package org.quire.plugin.awscards;

import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;

/**
 * Renders posts that review AWS services as a set of service cards.
 *
 * <p>So far this declares the plugin so the host discovers and lists it; its contributions arrive with issue #10.
 */
public final class AwsCardsPlugin implements QuirePlugin {

    public static final String ID = "aws-cards";

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder(ID)
                .name("AWS service cards")
                .version("0.1.0")
                .requiredApi("[1.0,2.0)")
                .build();
    }
}
