package org.quire.web.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestForm;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.export.ExportJobs;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The static export from the admin: a button starts it in the background, the page follows its progress (it
 * refreshes itself while the export runs), then reports what was written and offers the folder as a zip.
 */
@Path("/admin/export")
@Produces(MediaType.TEXT_HTML)
@Requires(Permission.IMPORT_EXPORT)
public class AdminExportPages {

    @Inject
    ExportJobs jobs;

    @Inject
    AdminChrome chrome;

    @Location("admin/export.html")
    Template exportPage;

    @GET
    public String page() {
        ExportJobs.Job job = jobs.latest().orElse(null);
        int percent = job == null || job.total() == 0 ? 0 : job.done() * 100 / job.total();
        return chrome.page(exportPage, "import").data("job", job).data("percent", percent)
                .data("folder", jobs.folder().toString()).data("download", jobs.hasExport())
                .data("finishedAt", job == null || job.finishedAt() == null ? null : chrome.time(job.finishedAt()))
                .render();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestForm String fromMarkdown) {
        jobs.start("on".equals(fromMarkdown) || "true".equals(fromMarkdown));
        return Response.seeOther(java.net.URI.create("/admin/export")).build();
    }

    @GET
    @Path("/site.zip")
    @Produces("application/zip")
    public Response download() {
        if (!jobs.hasExport()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN).entity("No finished export to download yet.")
                    .build();
        }
        StreamingOutput body = jobs::zip;
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"site.zip\"").build();
    }
}
