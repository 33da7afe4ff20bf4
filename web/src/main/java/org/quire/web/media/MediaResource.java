package org.quire.web.media;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.quire.web.accounts.Public;

/** Serves stored media at {@code /media/<path>}; the content hash is the ETag, so a file never changes under it. */
@Public
@Path("/media")
public class MediaResource {

    @Inject
    MediaStore store;

    @GET
    @Path("{path: .+}")
    public Response get(@PathParam("path") String path, @HeaderParam("If-None-Match") String ifNoneMatch)
            throws IOException {
        if (MediaStore.isPrivate(path)) {
            // The images plugin's records, installed plugin jars: Quire's own bookkeeping, not part of the site.
            throw new NotFoundException("No media at " + path);
        }
        MediaFile file;
        try {
            file = store.find(path).orElseThrow(() -> new NotFoundException("No media at " + path));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(e.getMessage());
        }
        String etag = "\"" + file.sha256 + "\"";
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).build();
        }
        // A variant's URL carries its original's version (?v=…), so a new original gets a new URL: cached for ever.
        boolean variant = path.startsWith("_w");
        // A local file is sent as it is; bytes from object storage are streamed through, never held whole.
        Object body = store.localFile(file).<Object>map(java.nio.file.Path::toFile).orElse(null);
        Response.ResponseBuilder response = body != null ? Response.ok(body, file.contentType)
                : Response.ok(store.open(file), file.contentType).header("Content-Length", file.sizeBytes);
        return response
                .header("ETag", etag)
                .header("Cache-Control", variant ? "public, max-age=31536000, immutable" : "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
