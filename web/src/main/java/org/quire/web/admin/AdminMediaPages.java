package org.quire.web.admin;

import java.io.IOException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.quire.web.accounts.CurrentUser;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;
import org.quire.web.content.ContentException;
import org.quire.web.media.MediaFile;
import org.quire.web.media.MediaLibrary;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The media library page: every file with its size, dimensions and the posts that use it, its alt text to edit,
 * search, delete (refused while a post uses it, unless forced), and the report of files posts refer to that are
 * missing. Authors delete what they uploaded; editors anything.
 */
@Path("/admin/media")
@Produces(MediaType.TEXT_HTML)
public class AdminMediaPages {

    private static final int PAGE_SIZE = 48;

    @Inject
    MediaLibrary library;

    @Inject
    CurrentUser currentUser;

    @Inject
    AdminChrome chrome;

    @Location("admin/media.html")
    Template mediaPage;

    @Location("admin/broken-media.html")
    Template brokenPage;

    public record Card(String path, String url, boolean image, String size, String dimensions, String altText,
                       String uploadedBy, String at, List<MediaLibrary.Usage> usedBy, boolean mayDelete) {
    }

    @GET
    @Requires(Permission.UPLOAD_MEDIA)
    public String list(@QueryParam("q") String query, @QueryParam("page") @DefaultValue("1") int page) {
        return page(query, Math.max(1, page), null, null).render();
    }

    private TemplateInstance page(String query, int page, String notice, String problem) {
        MediaLibrary.Page found = library.list(query, page, PAGE_SIZE);
        List<Card> cards = found.entries().stream().map(e -> new Card(e.path(), "/media/" + e.path(),
                e.contentType().startsWith("image/"), size(e.size()),
                e.width() == null ? "" : e.width() + " × " + e.height(), e.altText() == null ? "" : e.altText(),
                e.uploadedBy() == null ? "" : e.uploadedBy(), chrome.time(e.createdAt()), e.usedBy(),
                mayDelete(e.uploadedBy()))).toList();
        long pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        String q = query == null ? "" : query;
        String encoded = java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        return chrome.page(mediaPage, "media").data("cards", cards).data("q", q).data("total", found.total())
                .data("page", (long) page).data("pages", pages)
                .data("previous", page > 1 ? "?q=" + encoded + "&page=" + (page - 1) : null)
                .data("next", page < pages ? "?q=" + encoded + "&page=" + (page + 1) : null)
                .data("notice", notice).data("problem", problem);
    }

    @POST
    @Path("/alt")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.UPLOAD_MEDIA)
    public Response describe(@RestForm String path, @RestForm String altText, @RestForm String q) {
        try {
            // Alt text is the uploader's words, as the file is theirs: the same rule as deleting.
            if (!mayChange(path)) {
                return Response.status(403).entity(page(q, 1, null, "Only editors describe files others uploaded.")
                        .render()).build();
            }
            library.describe(path, altText);
            return Response.ok(page(q, 1, chrome.text().saved(), null).render()).build();
        } catch (ContentException e) {
            return Response.status(AdminPostPages.statusOf(e)).entity(page(q, 1, null, e.getMessage()).render())
                    .build();
        }
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.UPLOAD_MEDIA)
    public Response delete(@RestForm String path, @RestForm String force, @RestForm String q) throws IOException {
        try {
            if (!mayChange(path)) {
                return Response.status(403).entity(page(q, 1, null, "Only editors delete files others uploaded.")
                        .render()).build();
            }
            library.delete(path, "on".equals(force) || "true".equals(force));
            return Response.ok(page(q, 1, chrome.text().mediaDeleted(path), null).render()).build();
        } catch (ContentException e) {
            return Response.status(AdminPostPages.statusOf(e)).entity(page(q, 1, null, e.getMessage()).render())
                    .build();
        }
    }

    @GET
    @Path("/broken")
    @Requires(Permission.UPLOAD_MEDIA)
    public String broken() {
        return chrome.page(brokenPage, "media").data("broken", library.broken()).render();
    }

    /** Whether the current user may change the file at {@code path}: its uploader or an editor. */
    private boolean mayChange(String path) {
        MediaFile file = library.find(path == null ? "" : path).orElseThrow(() -> new ContentException(
                ContentException.Reason.NOT_FOUND, "path", "The media library has no file '" + path + "'"));
        return mayDelete(file.uploadedBy == null ? null : library.uploaderHandle(path));
    }

    private boolean mayDelete(String uploadedBy) {
        return currentUser.may(Permission.EDIT_ANY_POST) || currentUser.account().handle.equals(uploadedBy);
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
