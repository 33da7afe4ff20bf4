package org.quire.web.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.backup.Backups;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Backups from the admin: download an archive of everything (written while it downloads), or restore one into
 * this instance when it is still empty. After a restore the accounts are the archive's, so the page that reports
 * it asks to sign in again.
 */
@Path("/admin/backup")
@Produces(MediaType.TEXT_HTML)
@Requires(Permission.IMPORT_EXPORT)
public class AdminBackupPages {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    @Inject
    Backups backups;

    @Inject
    AdminChrome chrome;

    @Inject
    java.time.Clock clock;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    String uploadLimit;

    @Location("admin/backup.html")
    Template backupPage;

    @Location("admin/restored.html")
    Template restoredPage;

    @GET
    public String page() {
        return page(null).render();
    }

    private io.quarkus.qute.TemplateInstance page(String problem) {
        return chrome.page(backupPage, "import").data("problem", problem).data("limit", uploadLimit)
                .data("notEmpty", backups.whyNotEmpty().orElse(null));
    }

    @GET
    @Path("/archive")
    @Produces("application/zip")
    public Response download() {
        StreamingOutput body = out -> {
            try {
                backups.write(out, step -> { });
            } catch (Backups.BackupException e) {
                // The headers are gone already: failing the stream is what tells the browser the file is broken.
                throw new java.io.IOException(e.getMessage(), e);
            }
        };
        String name = "quire-backup-" + FILE_TIME.format(clock.instant()) + ".zip";
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @POST
    @Path("/restore")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response restore(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return Response.status(400).entity(page("Choose a backup archive (.zip) to restore.").render()).build();
        }
        try {
            Backups.Restored restored = backups.restore(file.uploadedFile(), file.fileName(), step -> { });
            // The session that asked is gone with the accounts it belonged to: this page stands without the chrome.
            return Response.ok(restoredPage.instance().setLocale(chrome.locale())
                    .data("lang", chrome.locale().toLanguageTag()).data("restored", restored)
                    .data("posts", restored.rows().getOrDefault("post", 0L))
                    .data("accounts", restored.rows().getOrDefault("account", 0L)).render()).build();
        } catch (Backups.BackupException e) {
            return Response.status(400).entity(page(e.getMessage()).render()).build();
        }
    }
}
