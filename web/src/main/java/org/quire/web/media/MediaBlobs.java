package org.quire.web.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the bytes of media files live, each kept once under its SHA-256; the database says which media path has
 * which hash. {@link MediaStore} hashes an upload into a local temporary file first, so an implementation only
 * ever keeps complete, verified files. Chosen by {@code quire.media.storage}: a local folder or an S3 bucket.
 */
public interface MediaBlobs {

    /** Keeps {@code file} (hashed, complete) as {@code hash}; does nothing when that hash is already kept. */
    void keep(String hash, Path file, String contentType) throws IOException;

    /** The bytes kept as {@code hash}; the caller closes the stream. */
    InputStream open(String hash) throws IOException;

    /** A local file holding the bytes, when there is one, so they can be sent without copying. */
    Optional<Path> localFile(String hash);

    void delete(String hash) throws IOException;

    /** Fails with a message naming the place when it cannot be used, so a misconfiguration shows at start. */
    void check() throws IOException;

    /** Where the bytes are kept, for logs and messages: a folder or an {@code s3://} address. */
    String location();
}
