package org.quire.web.plugins;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quire.core.plugin.ActivePlugin;
import org.quire.web.plugins.work.WorkingPlugins;

/** The running plugins, for the work runner, which must not reach the runtime itself (it sits below it). */
@ApplicationScoped
class ActivePluginsForWork implements WorkingPlugins {

    @Inject
    PluginRuntime runtime;

    @Override
    public List<ActivePlugin> running() {
        return runtime.registry().active();
    }
}
