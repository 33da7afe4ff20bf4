package org.quire.web.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Media bytes in a local folder, {@code <folder>/ab/abcdef…}: moved into place atomically, so a reader never sees
 * half a file. The embedded default; several instances can share it on a network file system.
 */
final class FileMediaBlobs implements MediaBlobs {

    private final Path objects;

    FileMediaBlobs(Path objects) {
        this.objects = objects;
    }

    @Override
    public void keep(String hash, Path file, String contentType) throws IOException {
        Path target = objectPath(hash);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public InputStream open(String hash) throws IOException {
        return Files.newInputStream(objectPath(hash));
    }

    @Override
    public Optional<Path> localFile(String hash) {
        return Optional.of(objectPath(hash));
    }

    @Override
    public void delete(String hash) throws IOException {
        Files.deleteIfExists(objectPath(hash));
    }

    @Override
    public void check() throws IOException {
        Files.createDirectories(objects);
        if (!Files.isWritable(objects)) {
            throw new IOException("Media folder " + objects + " is not writable");
        }
    }

    @Override
    public String location() {
        return objects.toString();
    }

    private Path objectPath(String hash) {
        return objects.resolve(hash.substring(0, 2)).resolve(hash);
    }
}
