package org.quire.web.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quire.api.ApiVersion;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.ContentException;
import org.quire.web.plugins.PluginAdministration;
import org.quire.web.plugins.PluginRuntime;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The plugins page (administrators): every plugin with its state, its settings as a form generated from what its
 * descriptor declares, its recent failures and why Quire turned it off; install or upgrade a jar, turn plugins on
 * and off, remove installed ones. The same operations as {@code /api/admin/plugins}, through the same code.
 */
@Path("/admin/plugins")
@Produces(MediaType.TEXT_HTML)
@Requires(Permission.MANAGE_PLUGINS)
public class AdminPluginPages {

    /** Settings fields are named {@code setting.<key>}, so no setting can collide with the form's own fields. */
    static final String SETTING_FIELD = "setting.";

    @Inject
    PluginAdministration plugins;

    @Inject
    AdminChrome chrome;

    @Inject
    org.quire.web.mail.OutgoingMail mail;

    @Location("admin/plugins.html")
    Template pluginsPage;

    /** A plugin as the page shows it, its failures' times in the site's zone. */
    public record PluginView(PluginRuntime.PluginInfo plugin, List<NoticeView> notices) {
    }

    public record NoticeView(String at, String time, String stage, String message) {
    }

    @GET
    public String list() {
        plugins.runtime().rescan();
        return page(null, null).render();
    }

    private TemplateInstance page(String notice, String problem) {
        PluginRuntime runtime = plugins.runtime();
        List<PluginView> views = runtime.plugins().stream().map(p -> new PluginView(p, p.notices().stream()
                .map(n -> new NoticeView(n.at().toString(), chrome.time(n.at()), n.stage(), n.message())).toList()))
                .toList();
        return chrome.page(pluginsPage, "plugins").data("plugins", views)
                .data("refusedJars", runtime.refusedJars()).data("jarsSupported", PluginRuntime.externalJarsSupported())
                .data("apiVersion", ApiVersion.CURRENT.toString()).data("mailConfigured", mail.configured()).data("folder", runtime.folder().toString())
                .data("notice", notice).data("problem", problem);
    }

    @POST
    @Path("/install")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response install(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            return problem(400, "Choose a plugin jar to install.");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            PluginRuntime.PluginInfo installed = plugins.install(in, file.fileName());
            return done("installed", installed.id());
        } catch (ContentException e) {
            return problem(AdminPostPages.statusOf(e), e.getMessage());
        }
    }

    @POST
    @Path("/{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") String id) {
        return change(id, "enabled", () -> plugins.setEnabled(id, true));
    }

    @POST
    @Path("/{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("id") String id) {
        return change(id, "disabled", () -> plugins.setEnabled(id, false));
    }

    @POST
    @Path("/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") String id, @org.jboss.resteasy.reactive.RestForm String records) {
        return change(id, "removed", () -> plugins.uninstall(id,
                org.quire.web.plugins.PluginAdministration.RecordsOnRemoval.parse(records)));
    }

    @POST
    @Path("/{id}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> {
            if (name.startsWith(SETTING_FIELD) && !list.isEmpty()) {
                values.put(name.substring(SETTING_FIELD.length()), list.get(list.size() - 1));
            }
        });
        if (values.isEmpty()) {
            return problem(400, "The form carried no settings.");
        }
        return change(id, "configured", () -> plugins.saveSettings(id, values));
    }

    private interface Change {
        void run() throws IOException;
    }

    private Response change(String id, String what, Change change) {
        try {
            change.run();
            return done(what, id);
        } catch (ContentException e) {
            return problem(AdminPostPages.statusOf(e), e.getMessage());
        } catch (IOException e) {
            return problem(500, "Plugin " + id + ": " + e.getMessage());
        }
    }

    private Response done(String what, String id) {
        return Response.ok(page(chrome.text().pluginDone(what, id), null).render()).build();
    }

    private Response problem(int status, String message) {
        return Response.status(status).entity(page(null, message).render()).build();
    }
}
