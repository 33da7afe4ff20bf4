package org.quire.web.plugins;

import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quire.core.plugin.ActivePlugin;
import org.quire.core.plugin.PluginProblem;
import org.quire.core.plugin.PluginRegistry;

import io.quarkus.runtime.Startup;

/**
 * Owns the plugin registry of the running application. Built-in plugins are found with {@link java.util.ServiceLoader}
 * on the application class path, which also works in a native image.
 */
@Startup
@ApplicationScoped
public class PluginRuntime {

    private static final Logger LOG = Logger.getLogger(PluginRuntime.class);

    private final PluginRegistry registry;

    @Inject
    public PluginRuntime(HostContexts contexts) {
        registry = PluginRegistry.builder()
                .discover(PluginRuntime.class.getClassLoader())
                .contexts(contexts)
                .onProblem(PluginRuntime::log)
                .build();
        for (ActivePlugin plugin : registry.active()) {
            LOG.infof("Plugin %s %s started", plugin.id(), plugin.descriptor().version());
        }
    }

    public PluginRegistry registry() {
        return registry;
    }

    public List<ActivePlugin> active() {
        return registry.active();
    }

    public List<PluginProblem> refused() {
        return registry.refused();
    }

    @PreDestroy
    void close() {
        registry.close();
    }

    private static void log(PluginProblem problem) {
        LOG.warnf(problem.error(), "Plugin %s [%s]: %s", problem.plugin(), problem.stage(), problem.message());
    }
}
