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

    /** Stores {@code content}, replacing what was at {@code path}. The host sends {@link SiteEvent.MediaStored}. */
    MediaItem store(String path, InputStream content, String contentType) throws IOException;

    /** Opens a stored file; the caller closes the stream. */
    Optional<InputStream> open(String path) throws IOException;

    Optional<MediaItem> describe(String path) throws IOException;

    /** Files whose path starts with {@code prefix}, sorted by path. */
    List<MediaItem> list(String prefix) throws IOException;

    /** @return whether there was a file to delete */
    boolean delete(String path) throws IOException;

    /** The public URL path the site serves the file at, such as {@code /media/2017/eks.jpg}. */
    String publicPath(String path);
}
