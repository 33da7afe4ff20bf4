package org.quire.core.plugin;

import org.quire.api.PluginContext;
import org.quire.api.PluginDescriptor;

/** Makes the context one plugin receives; the web application builds it from its own services. */
@FunctionalInterface
public interface PluginContextFactory {

    PluginContext contextFor(PluginDescriptor descriptor, ClassLoader pluginClassLoader);
}
