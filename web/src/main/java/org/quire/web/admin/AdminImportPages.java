package org.quire.web.admin;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.ImportJobs;
import org.quire.web.content.JekyllImport;
import org.quire.web.content.SafeZip;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Moving in from the admin: upload a Jekyll site as a zip, watch its import advance (the page refreshes itself
 * while it runs; the site keeps serving), then read the report post by post.
 */
@Path("/admin/import")
@Produces(MediaType.TEXT_HTML)
public class AdminImportPages {

    @Inject
    ImportJobs jobs;

    @Inject
    AdminChrome chrome;

    @Location("admin/import.html")
    Template importPage;

    @Location("admin/import-job.html")
    Template jobPage;

    /** A post of the report as the page lists it: those that were new, changed or have something to say. */
    public record Line(String outcome, String file, String path, List<String> messages) {
    }

    @GET
    @Requires(Permission.IMPORT_EXPORT)
    public String form() {
        return chrome.page(importPage, "import").data("problem", null).render();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Requires(Permission.IMPORT_EXPORT)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("applySiteSettings") String applySiteSettings)
            throws IOException {
        if (file == null || file.uploadedFile() == null) {
            return refused("Choose the zip of a Jekyll site.");
        }
        try {
            ImportJobs.Job job = jobs.start(file.uploadedFile(), file.fileName(),
                    new JekyllImport.Options(applySiteSettings != null));
            return Response.seeOther(URI.create("/admin/import/" + job.id)).build();
        } catch (SafeZip.Refused e) {
            return refused("'" + file.fileName() + "' was refused: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
    }

    private Response refused(String problem) {
        return Response.status(400).entity(chrome.page(importPage, "import").data("problem", problem).render())
                .build();
    }

    @GET
    @Path("/{job}")
    @Requires(Permission.IMPORT_EXPORT)
    public Response job(@PathParam("job") String id) {
        ImportJobs.Job job = jobs.find(id).orElse(null);
        if (job == null) {
            return Response.status(404).entity(chrome.page(importPage, "import")
                    .data("problem", "This import is not known here (imports are remembered until a restart).")
                    .render()).build();
        }
        JekyllImport.Report report = job.report();
        List<Line> lines = report == null ? List.of() : report.posts().stream()
                .filter(p -> p.outcome() != JekyllImport.Outcome.UNCHANGED || !p.messages().isEmpty())
                .map(p -> new Line(p.outcome().name().toLowerCase(java.util.Locale.ROOT), p.file(), p.path(),
                        p.messages())).toList();
        return Response.ok(chrome.page(jobPage, "import").data("job", job).data("lines", lines)
                .data("percent", job.total() == 0 ? (job.finished() ? 100 : 0) : 100 * job.done() / job.total())
                .data("imported", report == null ? 0 : report.count(JekyllImport.Outcome.IMPORTED))
                .data("updated", report == null ? 0 : report.count(JekyllImport.Outcome.UPDATED))
                .data("unchanged", report == null ? 0 : report.count(JekyllImport.Outcome.UNCHANGED))
                .data("failed", report == null ? 0 : report.count(JekyllImport.Outcome.FAILED))
                .data("notPosts", report == null ? 0 : report.count(JekyllImport.Outcome.NOT_A_POST))
                .data("settingsApplied", report == null ? List.of() : report.settingsApplied())
                .data("settingsDiffering", report == null ? List.of() : report.settingsDiffering())
                .data("siteMessages", report == null ? List.of() : report.siteMessages()).render()).build();
    }
}
