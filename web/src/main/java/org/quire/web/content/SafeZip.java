package org.quire.web.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded zip without trusting it: no entry may land outside the target folder ("zip slip": absolute
 * names, {@code ..}, backslashes), and unpacking stops, refused, as soon as the bytes written pass the limits or
 * expand more than {@code maxRatio} times the archive ("zip bomb") — counted as written, not as declared, since a
 * zip's headers can lie. Refusals name the entry.
 */
public final class SafeZip {

    /** Why an archive was refused. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    public record Limits(int maxEntries, long maxTotalBytes, long maxEntryBytes, int maxRatio) {
        public static Limits defaults() {
            return new Limits(50_000, 1L << 30, 200L << 20, 100);
        }
    }

    private SafeZip() {
    }

    /** Unpacks {@code zip} into the empty folder {@code target}. */
    public static void extract(Path zip, Path target, Limits limits) throws IOException, Refused {
        Path root = target.toAbsolutePath().normalize();
        long archiveBytes = Math.max(1, Files.size(zip));
        long written = 0;
        int entries = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (++entries > limits.maxEntries()) {
                    throw new Refused("The archive has more than " + limits.maxEntries() + " entries");
                }
                Path destination = destination(root, entry.getName());
                if (entry.isDirectory() || destination.equals(root)) {
                    if (!entry.isDirectory()) {
                        throw new Refused("The entry '" + entry.getName() + "' names the archive's top folder, not a"
                                + " file");
                    }
                    createFolders(destination, entry);
                    continue;
                }
                createFolders(destination.getParent(), entry);
                if (Files.isDirectory(destination)) {
                    throw clash(entry);
                }
                long entryBytes = 0;
                try (InputStream in = file.getInputStream(entry); OutputStream out = Files.newOutputStream(destination)) {
                    byte[] buffer = new byte[64 * 1024];
                    int read;
                    while ((read = read(in, buffer, entry)) > 0) {
                        entryBytes += read;
                        written += read;
                        if (entryBytes > limits.maxEntryBytes()) {
                            throw new Refused("'" + entry.getName() + "' unpacks to more than " + limits.maxEntryBytes()
                                    + " bytes");
                        }
                        if (written > limits.maxTotalBytes()) {
                            throw new Refused("The archive unpacks to more than " + limits.maxTotalBytes() + " bytes");
                        }
                        if (written > (10L << 20) && written / archiveBytes > limits.maxRatio()) {
                            throw new Refused("The archive expands more than " + limits.maxRatio() + " times its size"
                                    + " (at '" + entry.getName() + "'): refused as a zip bomb");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        } catch (ZipException e) {
            throw new Refused("Not a readable zip archive: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new Refused("Not a readable zip archive: it is cut short");
        }
    }

    /** Reads from an entry; a damaged one (bad compressed data, cut short) is the archive's fault, not the disk's. */
    private static int read(InputStream in, byte[] buffer, ZipEntry entry) throws Refused {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new Refused("'" + entry.getName() + "' is damaged in the archive: " + e.getMessage());
        }
    }

    private static void createFolders(Path folder, ZipEntry entry) throws IOException, Refused {
        try {
            Files.createDirectories(folder);
        } catch (java.nio.file.FileSystemException e) {
            // A file of the archive where its folder should be ("Not a directory", "File exists") is the archive's
            // fault; anything else (a full disk) is not.
            for (Path part = folder; part != null; part = part.getParent()) {
                if (Files.isRegularFile(part)) {
                    throw clash(entry);
                }
            }
            throw e;
        }
    }

    private static Refused clash(ZipEntry entry) {
        return new Refused("The entry '" + entry.getName() + "' clashes with another entry of the archive: one is a"
                + " file, the other a folder of the same name");
    }

    private static Path destination(Path root, String name) throws Refused {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*")
                || name.contains("\u0000")) {
            throw new Refused("The entry '" + name + "' has an absolute or unusual name");
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                throw new Refused("The entry '" + name + "' points outside the archive ('..')");
            }
        }
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root)) {
            throw new Refused("The entry '" + name + "' points outside the archive");
        }
        return destination;
    }

    /**
     * The site folder inside an unpacked archive: the folder itself, or its only subfolder when that holds the site
     * (a {@code _config.yml} or post folders).
     */
    public static Path siteRoot(Path folder) throws IOException {
        if (Files.isDirectory(folder.resolve("_posts")) || Files.isRegularFile(folder.resolve("_config.yml"))) {
            return folder;
        }
        try (var children = Files.list(folder)) {
            var folders = children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("__MACOSX"))
                    .toList();
            // One top folder holding the site (its _config.yml, or post folders at any depth, as en/news/_posts).
            if (folders.size() == 1 && (Files.isRegularFile(folders.get(0).resolve("_config.yml"))
                    || ImportJobs.hasPostFolder(folders.get(0)))) {
                return folders.get(0);
            }
        }
        return folder;
    }
}
