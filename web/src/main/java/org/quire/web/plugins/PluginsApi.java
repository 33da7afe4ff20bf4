package org.quire.web.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quire.api.ApiVersion;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.ContentException;

/**
 * Plugins while the server runs (administrators): list them with their settings and recent failures, install or
 * upgrade a jar, turn one on or off, change its settings, remove an installed one. Each change takes effect on the
 * next request, without a restart.
 */
@Path("/api/admin/plugins")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Permission.MANAGE_PLUGINS)
@Tag(name = "Plugins", description = "Installing, enabling, configuring and removing plugins")
public class PluginsApi {

    /** Everything the plugins page shows. */
    public record Overview(String apiVersion, boolean jarsSupported, String folder,
                           List<PluginRuntime.PluginInfo> plugins, List<PluginRuntime.RefusedJar> refusedJars) {
    }

    @Inject
    PluginAdministration plugins;

    @GET
    @Operation(summary = "Every plugin, built in or installed, with its state, settings and recent failures")
    public Overview list() {
        PluginRuntime runtime = plugins.runtime();
        runtime.rescan();
        return new Overview(ApiVersion.CURRENT.toString(), PluginRuntime.externalJarsSupported(),
                runtime.folder().toString(), runtime.plugins(), runtime.refusedJars());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One plugin")
    public PluginRuntime.PluginInfo get(@PathParam("id") String id) {
        return plugins.get(id);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Install a plugin jar (form field 'file'), or upgrade the installed plugin with its id;"
            + " a new plugin starts turned off")
    public Response install(@RestForm("file") FileUpload file) throws IOException {
        if (file == null) {
            throw new ContentException(ContentException.Reason.INVALID, "file",
                    "Send the plugin jar as the multipart form field 'file'");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return Response.status(Response.Status.CREATED).entity(plugins.install(in, file.fileName())).build();
        }
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Turn a plugin on")
    public PluginRuntime.PluginInfo enable(@PathParam("id") String id) {
        return plugins.setEnabled(id, true);
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Turn a plugin off")
    public PluginRuntime.PluginInfo disable(@PathParam("id") String id) {
        return plugins.setEnabled(id, false);
    }

    @PUT
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some of a plugin's settings (a JSON object of key to text); all or none are stored")
    public PluginRuntime.PluginInfo settings(@PathParam("id") String id, Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            throw new ContentException(ContentException.Reason.INVALID, null,
                    "Send the settings to change as a JSON object of key to text");
        }
        plugins.saveSettings(id, values);
        return plugins.get(id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an installed plugin: it stops, and its jar, state and settings are deleted; its"
            + " records are kept for when it is installed again (records=keep, the default) or deleted (records=delete)")
    public Response uninstall(@PathParam("id") String id,
                              @jakarta.ws.rs.QueryParam("records") String records) throws IOException {
        plugins.uninstall(id, PluginAdministration.RecordsOnRemoval.parse(records));
        return Response.noContent().build();
    }
}
