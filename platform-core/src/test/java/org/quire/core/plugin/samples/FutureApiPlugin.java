package org.quire.core.plugin.samples;

import org.quire.api.PluginDescriptor;
import org.quire.api.QuirePlugin;

/** Built for an API this host does not have: the registry must refuse it before calling anything else. */
public final class FutureApiPlugin implements QuirePlugin {

    @Override
    public PluginDescriptor descriptor() {
        return PluginDescriptor.builder("sample-future").name("From the future").version("9.0")
                .requiredApi("[2.0,3.0)").build();
    }

    @Override
    public void start(org.quire.api.PluginContext context) {
        throw new AssertionError("a refused plugin must never be started");
    }
}
