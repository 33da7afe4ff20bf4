package org.quire.web.plugins;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.quire.api.ApiVersion;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;

/** What this Quire instance runs: the plugin API version and the plugins that started or were refused. */
@Requires(Permission.MANAGE_PLUGINS)
@Path("/api/runtime")
public class RuntimeResource {

    /** One plugin as the page and the JSON show it. */
    public record PluginSummary(String id, String name, String version, String requiredApi) {
    }

    /** A plugin that was not started, and why. */
    public record RefusedPlugin(String plugin, String reason) {
    }

    public record RuntimeSummary(String apiVersion, List<PluginSummary> plugins, List<RefusedPlugin> refused) {
    }

    @Inject
    PluginRuntime plugins;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RuntimeSummary summary() {
        List<PluginSummary> active = plugins.active().stream()
                .map(p -> new PluginSummary(p.id(), p.descriptor().name(), p.descriptor().version(),
                        p.descriptor().requiredApi().toString()))
                .toList();
        List<RefusedPlugin> refused = plugins.refused().stream()
                .map(p -> new RefusedPlugin(p.plugin(), p.message()))
                .toList();
        return new RuntimeSummary(ApiVersion.CURRENT.toString(), active, refused);
    }
}
