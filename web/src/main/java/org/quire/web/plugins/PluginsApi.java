package org.quire.web.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

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
import org.quire.api.SiteEvent;
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
    PluginRuntime runtime;

    @Inject
    PluginEvents events;

    @GET
    @Operation(summary = "Every plugin, built in or installed, with its state, settings and recent failures")
    public Overview list() {
        runtime.rescan();
        return overview(runtime);
    }

    static Overview overview(PluginRuntime runtime) {
        return new Overview(ApiVersion.CURRENT.toString(), PluginRuntime.externalJarsSupported(),
                runtime.folder().toString(), runtime.plugins(), runtime.refusedJars());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One plugin")
    public PluginRuntime.PluginInfo get(@PathParam("id") String id) {
        return runtime.plugin(id).orElseThrow(() -> notFound(id));
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
            return Response.status(Response.Status.CREATED).entity(install(runtime, in, file.fileName())).build();
        }
    }

    static PluginRuntime.PluginInfo install(PluginRuntime runtime, InputStream jar, String fileName) throws IOException {
        try {
            return runtime.install(jar, fileName);
        } catch (PluginJars.PluginJarException e) {
            throw new ContentException(ContentException.Reason.INVALID, "file", e.getMessage());
        }
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "Turn a plugin on")
    public PluginRuntime.PluginInfo enable(@PathParam("id") String id) {
        return setEnabled(id, true);
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Turn a plugin off")
    public PluginRuntime.PluginInfo disable(@PathParam("id") String id) {
        return setEnabled(id, false);
    }

    private PluginRuntime.PluginInfo setEnabled(String id, boolean enabled) {
        try {
            return runtime.setEnabled(id, enabled);
        } catch (NoSuchElementException e) {
            throw notFound(id);
        }
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
        saveSettings(runtime, events, id, values);
        return get(id);
    }

    static void saveSettings(PluginRuntime runtime, PluginEvents events, String id, Map<String, String> values) {
        List<String> problems;
        try {
            problems = runtime.saveSettings(id, values);
        } catch (NoSuchElementException e) {
            throw notFound(id);
        }
        if (!problems.isEmpty()) {
            throw new ContentException(ContentException.Reason.INVALID, "settings", String.join("; ", problems));
        }
        events.publish(new SiteEvent.SettingsChanged(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an installed plugin: it stops, and its jar, state and settings are deleted")
    public Response uninstall(@PathParam("id") String id) throws IOException {
        uninstall(runtime, id);
        return Response.noContent().build();
    }

    static void uninstall(PluginRuntime runtime, String id) throws IOException {
        boolean removed;
        try {
            removed = runtime.uninstall(id);
        } catch (IllegalStateException e) {
            throw new ContentException(ContentException.Reason.CONFLICT, null, e.getMessage());
        }
        if (!removed) {
            throw notFound(id);
        }
    }

    private static ContentException notFound(String id) {
        return new ContentException(ContentException.Reason.NOT_FOUND, null, "No plugin '" + id + "'");
    }
}
