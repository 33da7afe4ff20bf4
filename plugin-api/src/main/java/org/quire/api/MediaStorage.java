package org.quire.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The site's file store (a local folder or S3-compatible object storage, chosen by the host's configuration).
 * Paths are relative, use {@code /} and never start with it or contain {@code ..}; the host refuses others with an
 * {@link IllegalArgumentException} that names the path.
 */
public interface MediaStorage {

    /**
     * Stores {@code content}, replacing what was at {@code path}. Files the host stores itself (uploads, imports)
     * are announced with {@link SiteEvent.MediaStored}; what a plugin stores here is not, so a plugin that writes
     * beside a file it was told about (variants, say) is never told about its own writes.
     */
    MediaItem store(String path, InputStream content, String contentType) throws IOException;

    /** Opens a stored file; the caller closes the stream. */
    Optional<InputStream> open(String path) throws IOException;

    Optional<MediaItem> describe(String path) throws IOException;

    /** Files whose path starts with {@code prefix}, sorted by path. */
    List<MediaItem> list(String prefix) throws IOException;

    /** @return whether there was a file to delete */
    boolean delete(String path) throws IOException;

    /**
     * The public URL path the site serves the file at, such as {@code /media/2017/eks.jpg}; for {@code ""}, the
     * folder every file is served under ({@code /media/}).
     */
    String publicPath(String path);
}
