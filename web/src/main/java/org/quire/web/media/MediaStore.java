package org.quire.web.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.quire.api.MediaItem;
import org.quire.web.accounts.Account;

/**
 * Media files, content-addressed: a file's bytes are kept once under their SHA-256 by {@link MediaBlobs} (a local
 * folder or an S3 bucket), and the database maps each media path to its hash. An upload is hashed into a local
 * temporary file first and handed over whole, so a reader never sees half a file and a failed upload leaves nothing
 * behind.
 */
@ApplicationScoped
public class MediaStore {

    /** Relative, slash-separated, no empty, dot or dot-dot segments, no control characters or backslashes. */
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\p{Cntrl}]+");
    private static final int MAX_PATH_LENGTH = 700;

    private static final Logger LOG = Logger.getLogger(MediaStore.class);

    private final Path incoming;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    @Inject
    MediaBlobs blobs;

    public MediaStore(@ConfigProperty(name = "quire.data-dir") String dataDir) {
        this.incoming = Path.of(dataDir).toAbsolutePath().normalize().resolve("media").resolve("incoming");
    }

    /**
     * Removes what uploads cut off by a crash left in the incoming folder. Instances may share the folder (and a
     * host name, and process ids across containers), so each running process holds a lock on a file of its own
     * there, and its temporary files carry that file's name: a lock that can be taken belongs to a process that is
     * gone, whose files are removed. Files of no known process are removed after a day.
     */
    void removeAbandonedUploads(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent started) {
        try {
            Files.createDirectories(incoming);
            holdOwnLock();
            java.time.Instant dayAgo = clock.instant().minus(java.time.Duration.ofDays(1));
            List<Path> entries;
            try (java.util.stream.Stream<Path> files = Files.list(incoming)) {
                entries = files.toList();
            }
            java.util.Set<String> gone = new java.util.HashSet<>();
            java.util.Set<String> alive = new java.util.HashSet<>();
            for (Path lock : entries) {
                String name = lock.getFileName().toString();
                if (!name.endsWith(".lock") || name.equals(WRITER + ".lock")) {
                    continue;
                }
                String writer = name.substring(0, name.length() - ".lock".length());
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    java.nio.channels.FileLock taken = channel.tryLock();
                    if (taken != null) {
                        gone.add(writer);
                        taken.release();
                    } else {
                        alive.add(writer);
                    }
                } catch (java.nio.channels.OverlappingFileLockException heldHere) {
                    alive.add(writer); // another application in this JVM (tests start several) holds it
                }
            }
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".part")) {
                    continue;
                }
                String writer = name.startsWith("upload-") && name.length() > 7 + 36
                        ? name.substring(7, 7 + 36) : "";
                boolean abandoned = gone.contains(writer) || !alive.contains(writer)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(dayAgo);
                if (abandoned) {
                    Files.deleteIfExists(file);
                    LOG.infof("Removed %s, left by an upload that was cut off", name);
                }
            }
            for (String writer : gone) {
                Files.deleteIfExists(incoming.resolve(writer + ".lock"));
            }
        } catch (IOException e) {
            LOG.warnf("Could not clear abandoned uploads from %s: %s", incoming, e.getMessage());
        }
    }

    /** This process's name in the incoming folder: its lock file and the prefix of its temporary files. */
    private static final String WRITER = java.util.UUID.randomUUID().toString();

    /** Held while the process runs; the operating system lets go of it when the process ends, however it ends. */
    private static java.nio.channels.FileChannel ownLock;

    private void holdOwnLock() throws IOException {
        synchronized (MediaStore.class) {
            if (ownLock == null) {
                java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                        incoming.resolve(WRITER + ".lock"), java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.WRITE);
                channel.lock();
                ownLock = channel;
            }
        }
    }

    /** Where installed plugin jars are kept, so every instance finds them. */
    public static final String PLUGIN_JARS = "_plugins/";

    /** Files kept in the store that are not part of the site: never served, listed or exported. */
    public static boolean isPrivate(String path) {
        return path.startsWith("_images/") || path.startsWith(PLUGIN_JARS);
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
        Path temporary = Files.createTempFile(incoming, "upload-" + WRITER + "-", ".part");
        try {
            MessageDigest sha256 = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                size = content.transferTo(out);
            }
            String hash = HexFormat.of().formatHex(sha256.digest());
            String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
            blobs.keep(hash, temporary, type);
            MediaFile file = MediaFile.findByPath(path).orElseGet(MediaFile::new);
            String replacedHash = file.sha256;
            file.path = path;
            file.sha256 = hash;
            file.contentType = type;
            file.sizeBytes = size;
            file.originalName = originalName;
            file.uploadedBy = uploadedBy;
            // The databases keep microseconds (H2 rounds what is finer): the item answered now must carry the time
            // every later read gives, since the images plugin derives a file's version from it.
            file.createdAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            file.persist();
            if (replacedHash != null && !replacedHash.equals(hash)) {
                deleteBytesIfUnused(replacedHash);
            }
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
        return blobs.open(file.sha256);
    }

    /** A local file with the bytes, when the storage keeps them locally (so they can be sent without copying). */
    public Optional<Path> localFile(MediaFile file) {
        return blobs.localFile(file.sha256);
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
        deleteBytesIfUnused(hash);
        return true;
    }

    /**
     * Deletes the bytes when no path uses them any more, once the transaction has committed, so a rollback never
     * leaves a path pointing to nothing.
     */
    private void deleteBytesIfUnused(String hash) {
        MediaFile.flush();
        if (MediaFile.count("sha256", hash) > 0) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    return;
                }
                try {
                    blobs.delete(hash);
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("Could not delete unused media bytes %s from %s: %s", hash, blobs.location(), e);
                }
            }
        });
    }

    public static MediaItem item(MediaFile file) {
        return new MediaItem(file.path, file.contentType, file.sizeBytes, file.createdAt);
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
