package org.quire.web.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.quire.api.MediaItem;
import org.quire.web.accounts.AccessFilter;
import org.quire.web.accounts.CurrentUser;
import org.quire.web.accounts.Permission;
import org.quire.web.accounts.Requires;

/**
 * Uploads into the media store (authors and up). The type is read from the file's first bytes, never from its name
 * or the browser's word: only images (JPEG, PNG, GIF, WebP) and PDF are taken, so nothing uploaded can be served
 * as a page of the site. The images plugin (issue #8) adds processing and variants.
 */
@Path("/api/admin/media")
@Tag(name = "Media", description = "Uploading images and files")
public class MediaApi {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM", Locale.ROOT);

    public record Uploaded(String path, String url, String markdown, String contentType, long size) {
    }

    @Inject
    MediaStore store;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    MediaIntake intake;

    @Inject
    MediaLibrary library;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(MediaApi.class);

    @ConfigProperty(name = "quire.media.max-upload-bytes", defaultValue = "20971520")
    long maxBytes;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(Permission.UPLOAD_MEDIA)
    @Operation(summary = "Upload a file (form field 'file'); answers its URL and the Markdown to insert")
    public Response upload(@RestForm("file") FileUpload file, @RestForm("alt") String alt) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            return problem(400, "Send the file in the form field 'file'.");
        }
        long size = Files.size(file.uploadedFile());
        if (size == 0) {
            return problem(400, "The file '" + file.fileName() + "' is empty.");
        }
        if (size > maxBytes) {
            return problem(413, "The file '" + file.fileName() + "' is " + size + " bytes; the limit is " + maxBytes
                    + " (quire.media.max-upload-bytes).");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            head = in.readNBytes(16);
        }
        Optional<String[]> type = detect(head);
        if (type.isEmpty()) {
            return problem(415, "The file '" + file.fileName() + "' is not a JPEG, PNG, GIF, WebP image or a PDF"
                    + " (judged by its content, not its name).");
        }
        String path = freePath(MONTH.format(clock.instant().atZone(ZoneOffset.UTC)) + "/"
                + baseName(file.fileName()) + "." + type.get()[1]);
        MediaItem item;
        try {
            item = intake.take(path, Files.readAllBytes(file.uploadedFile()), type.get()[0], file.fileName(),
                    currentUser.account());
        } catch (org.quire.api.MediaRefusedException e) {
            return problem(400, e.getMessage().replace(path, file.fileName()));
        } catch (IOException e) {
            // The store's fault, not the file's (a full disk, a lost bucket): said plainly, logged for the operator.
            // The store writes through a temporary file, so nothing half-written is kept.
            LOG.errorf(e, "Storing the upload '%s' failed", file.fileName());
            String reason = String.valueOf(e.getMessage());
            boolean full = reason.contains("No space left on device") || reason.contains("Disk quota exceeded");
            // The cause, with its server paths, is in the log, not in the answer.
            return problem(full ? 507 : 500, "The media store could not keep '" + file.fileName() + "'"
                    + (full ? ": it is out of space" : "") + ". Nothing was stored; try again later, and tell the"
                    + " site's administrator if it persists.");
        }
        if (alt != null && !alt.isBlank()) {
            library.describe(item.path(), alt.length() > 1000 ? alt.substring(0, 1000) : alt);
        }
        String url = "/media/" + item.path();
        String text = alt == null ? "" : alt.replace("]", "").replace("\n", " ").strip();
        String markdown = type.get()[0].startsWith("image/") ? "![" + text + "](" + url + ")"
                : "[" + (text.isEmpty() ? file.fileName() : text) + "](" + url + ")";
        return Response.status(201).type(MediaType.APPLICATION_JSON)
                .entity(new Uploaded(item.path(), url, markdown, item.contentType(), item.size())).build();
    }

    /** Content type and extension from the first bytes. */
    public static Optional<String[]> detect(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(new String[] {"image/jpeg", "jpg"});
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(new String[] {"image/png", "png"});
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return Optional.of(new String[] {"image/gif", "gif"});
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E'
                && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(new String[] {"image/webp", "webp"});
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(new String[] {"application/pdf", "pdf"});
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** The upload's name without its extension, made safe for a media path: {@code Screen Shot 1.PNG} → {@code screen-shot-1}. */
    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("(^-+|-+$)", "");
        if (name.isEmpty()) {
            name = "upload";
        }
        return name.substring(0, Math.min(80, name.length()));
    }

    /** {@code path}, or {@code name-2.ext}, {@code name-3.ext}… when taken: an upload never replaces another. */
    private String freePath(String path) {
        String candidate = path;
        int dot = path.lastIndexOf('.');
        for (int n = 2; store.find(candidate).isPresent(); n++) {
            candidate = path.substring(0, dot) + "-" + n + path.substring(dot);
        }
        return MediaStore.checkPath(candidate);
    }

    private static Response problem(int status, String message) {
        return AccessFilter.problem(status, message);
    }
}
