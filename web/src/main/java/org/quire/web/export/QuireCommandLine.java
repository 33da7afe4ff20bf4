package org.quire.web.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point. A command ({@code export}, {@code import}, {@code backup}, {@code restore}) does its work and
 * exits: it serves nothing, so it opens no port, and on the embedded database it first checks that no other Quire
 * holds the database, saying so in one line rather than failing deep in start-up. {@code serve} (the default)
 * starts the server.
 */
@QuarkusMain
public final class QuireCommandLine {

    private QuireCommandLine() {
    }

    public static void main(String... args) {
        if (args.length > 0 && !args[0].equals("serve")) {
            System.setProperty("quarkus.http.host-enabled", "false");
            Optional<String> busy = embeddedDatabaseInUse(embeddedDatabaseFile());
            if (busy.isPresent()) {
                System.err.println(busy.get());
                System.exit(1);
            }
        }
        Quarkus.run(QuireMain.class, args);
    }

    /** The embedded database's file, unless the configuration names another database. */
    static Optional<Path> embeddedDatabaseFile() {
        if (setting("quire.database.url", "QUIRE_DATABASE_URL") != null) {
            return Optional.empty();
        }
        String dataDir = setting("quire.data-dir", "QUIRE_DATA_DIR");
        return Optional.of(Path.of(dataDir == null ? "./data" : dataDir, "db", "quire.mv.db"));
    }

    /**
     * Why a command cannot use the embedded database now, when another process has it open (H2 locks the file while
     * it is open); empty when it is free or not there yet.
     */
    static Optional<String> embeddedDatabaseInUse(Optional<Path> file) {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        boolean free;
        try (FileChannel channel = FileChannel.open(file.get(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try (FileLock lock = channel.tryLock()) {
                free = lock != null;
            } catch (OverlappingFileLockException e) {
                free = false;
            }
        } catch (IOException e) {
            return Optional.of("Cannot open the database " + file.get().toAbsolutePath().normalize() + ": "
                    + e.getMessage());
        }
        return free ? Optional.empty() : Optional.of("The database " + file.get().toAbsolutePath().normalize()
                + " is in use by another Quire process, most likely the running server. Stop it first, or use the"
                + " running server's admin pages (Export, Import, Backup) instead.");
    }

    private static String setting(String property, String environment) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(environment);
    }
}
