package org.quire.web.content;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quire.web.accounts.AccessFilter;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;

/**
 * A Jekyll site uploaded as a zip (administrators): unpacked safely ({@link SafeZip}) into a temporary folder,
 * imported as {@code quire import <folder>} does, and answered with the report per post. The upload's size is
 * bounded by {@code quarkus.http.limits.max-body-size}.
 */
@jakarta.ws.rs.Path("/api/admin/import")
@Tag(name = "Import", description = "Moving in from Jekyll")
public class ImportApi {

    /**
     * @param notPosts files under the post folders that are not posts, each with a line saying why in {@code posts}
     */
    public record Summary(long imported, long updated, long unchanged, long failed, long notPosts,
                          List<JekyllImport.PostResult> posts, List<String> siteMessages,
                          List<String> settingsApplied, List<String> settingsDiffering) {
    }

    @Inject
    JekyllImport importer;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.IMPORT_EXPORT)
    @Operation(summary = "Import a Jekyll site from a zip (form field 'file'; 'applySiteSettings' true to take"
            + " _config.yml's settings on a later import too); answers the report per file")
    public Response importZip(@RestForm("file") FileUpload file,
                              @RestForm("applySiteSettings") boolean applySiteSettings) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "Send the zip in the form field 'file'.");
        }
        java.nio.file.Path folder = Files.createTempDirectory("quire-import-");
        try {
            java.nio.file.Path root = ImportJobs.unpack(file.uploadedFile(), file.fileName(), folder);
            JekyllImport.Report report = importer.importSiteWithProgress(root,
                    new JekyllImport.Options(applySiteSettings), done -> { });
            return Response.ok(new Summary(report.count(JekyllImport.Outcome.IMPORTED),
                    report.count(JekyllImport.Outcome.UPDATED), report.count(JekyllImport.Outcome.UNCHANGED),
                    report.count(JekyllImport.Outcome.FAILED), report.count(JekyllImport.Outcome.NOT_A_POST),
                    report.posts(), report.siteMessages(), report.settingsApplied(), report.settingsDiffering()))
                    .build();
        } catch (SafeZip.Refused refused) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, "'" + file.fileName() + "' was refused: "
                    + refused.getMessage());
        } catch (IllegalArgumentException e) {
            return AccessFilter.problem(Response.Status.BAD_REQUEST, e.getMessage());
        } finally {
            ImportJobs.deleteTree(folder);
        }
    }
}
