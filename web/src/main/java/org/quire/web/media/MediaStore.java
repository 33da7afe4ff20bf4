package org.quire.web.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quire.api.MediaItem;
import org.quire.web.accounts.Account;

/**
 * Media on the local file system, content-addressed: a file's bytes live once under
 * {@code <data>/media/objects/ab/abcdef…} (its SHA-256), and the database maps each media path to its hash. A file
 * is written to a temporary file first and moved into place atomically, so a reader never sees half a file and a
 * failed upload leaves nothing behind.
 */
@ApplicationScoped
public class MediaStore {

    /** Relative, slash-separated, no empty, dot or dot-dot segments, no control characters or backslashes. */
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\p{Cntrl}]+");
    private static final int MAX_PATH_LENGTH = 700;

    private final Path objects;
    private final Path incoming;

    @Inject
    Clock clock;

    public MediaStore(@ConfigProperty(name = "quire.data-dir") String dataDir) {
        Path media = Path.of(dataDir).toAbsolutePath().normalize().resolve("media");
        this.objects = media.resolve("objects");
        this.incoming = media.resolve("incoming");
    }

    /**
     * @throws IllegalArgumentException naming the path and what is accepted
     */
    public static String checkPath(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("Media path '" + path + "' must be 1 to " + MAX_PATH_LENGTH + " characters");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("Media path '" + path + "' must be relative, use '/' between names,"
                        + " and have no empty, '.' or '..' parts, backslashes or control characters");
            }
        }
        return path;
    }

    /** Stores {@code content} at {@code path}, replacing what was there. */
    @Transactional
    public MediaItem store(String path, InputStream content, String contentType, String originalName,
                           Account uploadedBy) throws IOException {
        checkPath(path);
        Files.createDirectories(incoming);
        Path temporary = Files.createTempFile(incoming, "upload-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                size = content.transferTo(out);
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            Path target = objectPath(hash);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            MediaFile file = MediaFile.findByPath(path).orElseGet(MediaFile::new);
            file.path = path;
            file.sha256 = hash;
            file.contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
            file.sizeBytes = size;
            file.originalName = originalName;
            file.uploadedBy = uploadedBy;
            file.createdAt = clock.instant();
            file.persist();
            return item(file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Transactional
    public Optional<MediaFile> find(String path) {
        return MediaFile.findByPath(checkPath(path));
    }

    /** The bytes of a stored file; the caller closes the stream. */
    public InputStream open(MediaFile file) throws IOException {
        return Files.newInputStream(objectPath(file.sha256));
    }

    public Path fileOf(MediaFile file) {
        return objectPath(file.sha256);
    }

    @Transactional
    public List<MediaItem> list(String prefix) {
        return MediaFile.<MediaFile>find("path like ?1 escape '!' order by path", escapeLike(prefix) + "%").stream()
                .map(MediaStore::item).toList();
    }

    /** Forgets the path; the bytes stay while another path still uses them (they are shared by hash). */
    @Transactional
    public boolean delete(String path) throws IOException {
        Optional<MediaFile> file = MediaFile.findByPath(checkPath(path));
        if (file.isEmpty()) {
            return false;
        }
        String hash = file.get().sha256;
        file.get().delete();
        if (MediaFile.count("sha256", hash) == 0) {
            Files.deleteIfExists(objectPath(hash));
        }
        return true;
    }

    public static MediaItem item(MediaFile file) {
        return new MediaItem(file.path, file.contentType, file.sizeBytes, file.createdAt);
    }

    private Path objectPath(String hash) {
        return objects.resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static String escapeLike(String text) {
        // '!' rather than a backslash, which MariaDB would read as escaping the closing quote of the literal.
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
