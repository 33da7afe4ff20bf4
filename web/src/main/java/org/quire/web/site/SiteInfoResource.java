package org.quire.web.site;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.quire.api.ApiVersion;
import org.quire.web.plugins.PluginRuntime;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * What this Quire instance runs: the plugin API version and the plugins that started or were refused, as a page and
 * as JSON. The public site arrives with the persistence layer; until then this is the application's front page.
 */
@Path("/")
public class SiteInfoResource {

    /** One plugin as the page and the JSON show it. */
    public record PluginSummary(String id, String name, String version, String requiredApi) {
    }

    /** A plugin that was not started, and why. */
    public record RefusedPlugin(String plugin, String reason) {
    }

    public record RuntimeSummary(String apiVersion, List<PluginSummary> plugins, List<RefusedPlugin> refused) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(RuntimeSummary runtime);
    }

    @Inject
    PluginRuntime plugins;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        return Templates.index(summary());
    }

    @GET
    @Path("api/runtime")
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
