package org.quire.web.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.quire.api.ApiVersion;
import org.quire.web.backup.BackupFormat.Column;
import org.quire.web.backup.BackupFormat.Table;
import org.quire.web.media.MediaBlobs;
import org.quire.web.plugins.PluginRuntime;
import org.quire.web.publicsite.PageCache;
import org.quire.web.publicsite.PublicSiteRoutes;
import org.quire.web.site.FirstRun;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Backs the whole instance up into one zip archive, and restores such an archive into an empty instance. The
 * layout is {@code docs/backup.md}: a manifest, one JSON file per table ({@link BackupFormat#TABLES}) and the bytes
 * of every media file once per SHA-256 (uploads, the images plugin's copies and records, installed plugin jars).
 *
 * <p>Rows are read in one repeatable-read transaction, so the archive is one moment of the site while it keeps
 * serving. A restore checks the archive (manifest, versions, every row, every media file's hash) as it goes and
 * writes the rows in one transaction: when anything is wrong nothing of the instance changes.
 */
@ApplicationScoped
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class);
    private static final int BATCH = 500;
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    /** A backup or restore refused or failed, with a message for the person who asked. */
    public static class BackupException extends Exception {
        public BackupException(String message) {
            super(message);
        }

        public BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What a backup holds: rows per table, media paths and distinct media objects. */
    public record Summary(Map<String, Long> rows, long mediaFiles, long mediaObjects) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    org.quire.web.site.EmbeddedStoreUpkeep storeUpkeep;

    @Inject
    Flyway flyway;

    @Inject
    MediaBlobs blobs;

    @Inject
    PluginRuntime plugins;

    @Inject
    PageCache pageCache;

    @Inject
    PublicSiteRoutes publicSite;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String quireVersion;

    @ConfigProperty(name = "quire.data-dir")
    String dataDir;

    /** The schema version this Quire runs, the highest Flyway migration applied. */
    public String schemaVersion() {
        var current = flyway.info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    /** Writes the archive to {@code out} (left open), reporting each step. */
    public Summary write(OutputStream out, Consumer<String> progress) throws BackupException {
        // Closing the zip ends its deflater; the caller's stream stays open.
        OutputStream kept = new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        Map<String, Long> rows = new LinkedHashMap<>();
        Set<String> hashes = new LinkedHashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(kept); Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                for (Table table : BackupFormat.TABLES) {
                    rows.put(table.name(), count(connection, table.name()));
                }
                long mediaObjects = countDistinctHashes(connection);
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                zip.putNextEntry(new ZipEntry(BackupFormat.MANIFEST));
                zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest(connection, rows,
                        mediaObjects)));
                zip.closeEntry();
                for (Table table : BackupFormat.TABLES) {
                    zip.putNextEntry(new ZipEntry(table.fileName()));
                    writeRows(connection, table, zip, table.name().equals("media_file") ? hashes : null);
                    zip.closeEntry();
                    progress.accept(table.fileName() + ": " + rows.get(table.name()) + " rows");
                }
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
            // Media files are small images and documents already compressed, or jars: storing them as they are
            // saves time and loses little space.
            zip.setLevel(Deflater.BEST_SPEED);
            int done = 0;
            for (String hash : hashes) {
                zip.putNextEntry(new ZipEntry(BackupFormat.mediaEntry(hash)));
                try (InputStream in = blobs.open(hash)) {
                    in.transferTo(zip);
                } catch (IOException e) {
                    throw new BackupException("Media object " + hash + " cannot be read from " + blobs.location()
                            + " (" + e.getMessage() + "); it may have been deleted while the backup ran: try again", e);
                }
                zip.closeEntry();
                if (++done % 100 == 0 || done == hashes.size()) {
                    progress.accept("media: " + done + " of " + hashes.size() + " objects");
                }
            }
            zip.finish();
            zip.flush();
            long mediaFiles = rows.getOrDefault("media_file", 0L);
            LOG.infof("Backup written: %s, %d media objects", rows, hashes.size());
            return new Summary(rows, mediaFiles, hashes.size());
        } catch (SQLException e) {
            throw new BackupException("Reading the database for the backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("Writing the backup failed: " + e.getMessage(), e);
        }
    }

    /** Writes the archive to a file, through a temporary file beside it so a failed backup leaves no half file. */
    public Summary write(Path file, Consumer<String> progress) throws BackupException {
        Path target = file.toAbsolutePath().normalize();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            Summary summary;
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                summary = write(out, progress);
            }
            Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return summary;
        } catch (IOException e) {
            throw new BackupException("Cannot write the backup to " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // The failure already reported matters more.
            }
        }
    }

    private ObjectNode manifest(Connection connection, Map<String, Long> rows, long mediaObjects) throws SQLException {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", BackupFormat.FORMAT);
        manifest.put("layoutVersion", BackupFormat.LAYOUT_VERSION);
        manifest.put("schemaVersion", schemaVersion());
        manifest.put("quireVersion", quireVersion);
        manifest.put("pluginApi", ApiVersion.CURRENT.toString());
        manifest.put("createdAt", clock.instant().toString());
        manifest.put("database", connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement();
             ResultSet site = statement.executeQuery("SELECT title, url FROM site")) {
            if (site.next()) {
                manifest.put("site", site.getString(1) + " (" + site.getString(2) + ")");
            }
        }
        ObjectNode counts = manifest.putObject("rows");
        rows.forEach(counts::put);
        manifest.put("mediaObjects", mediaObjects);
        return manifest;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long countDistinctHashes(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(DISTINCT sha256) FROM media_file")) {
            result.next();
            return result.getLong(1);
        }
    }

    private void writeRows(Connection connection, Table table, OutputStream out, Set<String> hashes)
            throws SQLException, IOException {
        String columns = String.join(", ", table.columns().stream().map(Column::name).toList());
        String sql = "SELECT " + columns + " FROM " + table.name() + " ORDER BY " + String.join(", ", table.key());
        try (JsonGenerator generator = json.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(200);
            try (ResultSet result = statement.executeQuery()) {
                generator.writeStartArray();
                while (result.next()) {
                    generator.writeRaw('\n');
                    generator.writeStartObject();
                    for (int i = 0; i < table.columns().size(); i++) {
                        Column column = table.columns().get(i);
                        generator.writeFieldName(column.name());
                        writeValue(generator, result, i + 1, column);
                    }
                    generator.writeEndObject();
                    if (hashes != null) {
                        hashes.add(result.getString("sha256"));
                    }
                }
                generator.writeRaw('\n');
                generator.writeEndArray();
            }
        }
    }

    private static void writeValue(JsonGenerator generator, ResultSet result, int index, Column column)
            throws SQLException, IOException {
        switch (column.kind()) {
            case LONG -> {
                long value = result.getLong(index);
                if (result.wasNull()) {
                    generator.writeNull();
                } else {
                    generator.writeNumber(value);
                }
            }
            case INT -> {
                int value = result.getInt(index);
                if (result.wasNull()) {
                    generator.writeNull();
                } else {
                    generator.writeNumber(value);
                }
            }
            case BOOLEAN -> {
                boolean value = result.getBoolean(index);
                if (result.wasNull()) {
                    generator.writeNull();
                } else {
                    generator.writeBoolean(value);
                }
            }
            case DOUBLE -> {
                double value = result.getDouble(index);
                if (result.wasNull()) {
                    generator.writeNull();
                } else {
                    generator.writeNumber(value);
                }
            }
            case TEXT -> generator.writeString(result.getString(index));
            case TIME -> {
                // As Hibernate keeps them (quarkus.hibernate-orm.jdbc.timezone=UTC): MariaDB's DATETIME holds UTC.
                Timestamp value = result.getTimestamp(index, (Calendar) UTC.clone());
                generator.writeString(value == null ? null : value.toInstant().toString());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ restore

    /** What a restore put back. */
    public record Restored(Map<String, Long> rows, int mediaObjects, String site, String madeBy, String madeAt) {
    }

    /**
     * Restores the archive into this instance, which must be empty: nothing but what the first start creates
     * (the site settings, the administrator, the sample post). Everything in the database is then the archive's:
     * accounts (with their passwords), posts and their history, tags, media, plugin state; sign-in sessions are
     * ended, so whoever restored signs in again with an account from the archive.
     *
     * @throws BackupException naming the entry, row and field at fault, or what makes the instance not empty;
     *                         the instance is unchanged
     */
    public Restored restore(Path archive, Consumer<String> progress) throws BackupException {
        return restore(archive, archive.getFileName().toString(), progress);
    }

    /** As {@link #restore(Path, Consumer)}, naming the archive {@code shown} in messages (an upload's name). */
    public Restored restore(Path archive, String shown, Consumer<String> progress) throws BackupException {
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new BackupException("'" + shown + "' is not a zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new BackupException("Cannot read '" + shown + "': " + e.getMessage(), e);
        }
        try (zip) {
            JsonNode manifest = readManifest(zip, shown);
            String schema = manifest.path("schemaVersion").asText();
            for (Table table : BackupFormat.TABLES) {
                if (table.inSchema(schema) && zip.getEntry(table.fileName()) == null) {
                    throw new BackupException("'" + shown + "' lacks " + table.fileName() + "; the archive is incomplete");
                }
            }
            refuseUnlessEmpty();
            Map<String, MediaObject> media = mediaObjects(zip, shown);
            restoreMedia(zip, shown, media, progress);
            Map<String, Long> rows = restoreRows(zip, shown, schema, progress);
            afterRestore();
            storeUpkeep.tidy();
            Restored restored = new Restored(rows, media.size(), manifest.path("site").asText(""),
                    manifest.path("quireVersion").asText(), manifest.path("createdAt").asText());
            LOG.infof("Restored '%s' (made by Quire %s at %s): %s, %d media objects", shown, restored.madeBy(),
                    restored.madeAt(), rows, media.size());
            return restored;
        } catch (IOException e) {
            throw new BackupException("Cannot read '" + shown + "': " + e.getMessage(), e);
        }
    }

    private JsonNode readManifest(ZipFile zip, String shown) throws BackupException, IOException {
        ZipEntry entry = zip.getEntry(BackupFormat.MANIFEST);
        if (entry == null) {
            throw new BackupException("'" + shown + "' has no " + BackupFormat.MANIFEST + ": it is not a Quire backup");
        }
        JsonNode manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = json.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BackupException(shown + ", " + BackupFormat.MANIFEST + ": not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        if (!BackupFormat.FORMAT.equals(manifest.path("format").asText())) {
            throw new BackupException(shown + ", " + BackupFormat.MANIFEST + ": format is '"
                    + manifest.path("format").asText() + "', not '" + BackupFormat.FORMAT + "': not a Quire backup");
        }
        int layout = manifest.path("layoutVersion").asInt(-1);
        if (layout < 1 || layout > BackupFormat.LAYOUT_VERSION) {
            throw new BackupException("'" + shown + "' has archive layout " + layout + " (made by Quire "
                    + manifest.path("quireVersion").asText("?") + "); this Quire " + quireVersion + " reads layout "
                    + BackupFormat.LAYOUT_VERSION + ". Restore it with a Quire at least as new as the one that made it.");
        }
        String schema = manifest.path("schemaVersion").asText();
        String ours = schemaVersion();
        boolean olderButRestorable = BackupFormat.compareVersions(schema, ours) < 0
                && BackupFormat.compareVersions(schema, BackupFormat.OLDEST_RESTORED_SCHEMA) >= 0;
        if (!ours.equals(schema) && !olderButRestorable) {
            String advice = BackupFormat.compareVersions(schema, ours) > 0
                    ? "it was made by a newer Quire: restore it with Quire " + manifest.path("quireVersion").asText("?")
                    + " or later"
                    : "it was made by an older Quire: restore it with Quire " + manifest.path("quireVersion").asText("?")
                    + ", start that once with this Quire's database upgrade, then back up again";
            throw new BackupException("'" + shown + "' holds database schema " + schema + " and this Quire "
                    + quireVersion + " runs schema " + ours + "; " + advice + ".");
        }
        return manifest;
    }

    /** Refuses unless the instance holds only what a first start creates, so a restore never overwrites work. */
    void refuseUnlessEmpty() throws BackupException {
        try (Connection connection = dataSource.getConnection()) {
            refuseUnlessEmpty(connection);
        } catch (SQLException e) {
            throw new BackupException("Cannot check that this instance is empty: " + e.getMessage(), e);
        }
    }

    /** Why a restore would be refused here, when it would be. */
    public java.util.Optional<String> whyNotEmpty() {
        try {
            refuseUnlessEmpty();
            return java.util.Optional.empty();
        } catch (BackupException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private static void refuseUnlessEmpty(Connection connection) throws BackupException, SQLException {
        List<String> found = new ArrayList<>();
        long posts = scalar(connection, "SELECT COUNT(*) FROM post WHERE slug <> ?", FirstRun.SAMPLE_SLUG);
        long accounts = scalar(connection, "SELECT COUNT(*) FROM account WHERE handle <> ?", "admin");
        long media = scalar(connection, "SELECT COUNT(*) FROM media_file", null);
        if (posts > 0) {
            found.add(posts + (posts == 1 ? " post" : " posts"));
        }
        if (accounts > 0) {
            found.add(accounts + (accounts == 1 ? " account" : " accounts") + " besides the administrator");
        }
        if (media > 0) {
            found.add(media + " media " + (media == 1 ? "file" : "files"));
        }
        if (!found.isEmpty()) {
            throw new BackupException("This instance is not empty (it has " + String.join(", ", found)
                    + "); a backup is restored only into a new, empty instance, so nothing here is overwritten."
                    + " Start Quire with a new database and media folder and restore there.");
        }
    }

    private static long scalar(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * A media object as the archive's rows describe it: its content type, and its size, so a restore never unpacks
     * more than that (a zip bomb).
     */
    private record MediaObject(String contentType, long size) {
    }

    /** Every media object the archive's rows name, by hash, checking each has its bytes there. */
    private Map<String, MediaObject> mediaObjects(ZipFile zip, String shown) throws BackupException, IOException {
        Table table = BackupFormat.TABLES.stream().filter(t -> t.name().equals("media_file")).findFirst().orElseThrow();
        Map<String, MediaObject> objects = new LinkedHashMap<>();
        readRows(zip, shown, table, (row, number) -> {
            String hash = row.path("sha256").asText();
            String where = shown + ", " + table.fileName() + ", row " + number;
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new BackupException(where + ": sha256 '" + hash + "' is not a SHA-256 in hex");
            }
            if (zip.getEntry(BackupFormat.mediaEntry(hash)) == null) {
                throw new BackupException(where + ": the bytes of '" + row.path("path").asText() + "' ("
                        + BackupFormat.mediaEntry(hash) + ") are missing from the archive");
            }
            objects.putIfAbsent(hash, new MediaObject(row.path("content_type").asText("application/octet-stream"),
                    row.path("size_bytes").asLong()));
        });
        return objects;
    }

    /**
     * Keeps every media object, each checked against its hash on the way. Objects are content-addressed: one
     * kept by a restore that then fails harms nothing, and is simply not used.
     */
    private void restoreMedia(ZipFile zip, String shown, Map<String, MediaObject> objects, Consumer<String> progress)
            throws BackupException, IOException {
        Path incoming = Path.of(dataDir).toAbsolutePath().normalize().resolve("media").resolve("incoming");
        Files.createDirectories(incoming);
        int done = 0;
        for (Map.Entry<String, MediaObject> object : objects.entrySet()) {
            String name = BackupFormat.mediaEntry(object.getKey());
            Path temporary = Files.createTempFile(incoming, "restore-", ".part");
            try {
                MessageDigest sha256 = sha256();
                long expected = object.getValue().size();
                try (InputStream in = new DigestInputStream(zip.getInputStream(zip.getEntry(name)), sha256);
                     OutputStream out = Files.newOutputStream(temporary)) {
                    // Never more than the row says, so a bomb in the archive cannot fill the disk.
                    long copied = 0;
                    byte[] buffer = new byte[1 << 16];
                    for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                        copied += read;
                        if (copied > expected) {
                            throw new BackupException(shown + ", " + name + ": holds more than the " + expected
                                    + " bytes its media_file rows say; the archive is damaged");
                        }
                        out.write(buffer, 0, read);
                    }
                    if (copied != expected) {
                        throw new BackupException(shown + ", " + name + ": holds " + copied + " bytes, not the "
                                + expected + " its media_file rows say; the archive is damaged");
                    }
                } catch (ZipException e) {
                    throw new BackupException(shown + ", " + name + ": damaged (" + e.getMessage() + ")", e);
                }
                String actual = HexFormat.of().formatHex(sha256.digest());
                if (!actual.equals(object.getKey())) {
                    throw new BackupException(shown + ", " + name + ": the bytes have SHA-256 " + actual
                            + ", not the " + object.getKey() + " their name promises; the archive is damaged");
                }
                blobs.keep(object.getKey(), temporary, object.getValue().contentType());
            } finally {
                Files.deleteIfExists(temporary);
            }
            if (++done % 100 == 0 || done == objects.size()) {
                progress.accept("media: " + done + " of " + objects.size() + " objects checked and kept");
            }
        }
    }

    private Map<String, Long> restoreRows(ZipFile zip, String shown, String schema, Consumer<String> progress)
            throws BackupException {
        Map<String, Long> counts = new LinkedHashMap<>();
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                // Again inside the transaction: someone may have written since the first look.
                refuseUnlessEmpty(connection);
                try (Statement statement = connection.createStatement()) {
                    for (String table : BackupFormat.CLEARED_ON_RESTORE) {
                        statement.executeUpdate("DELETE FROM " + table);
                    }
                    for (int i = BackupFormat.TABLES.size() - 1; i >= 0; i--) {
                        statement.executeUpdate("DELETE FROM " + BackupFormat.TABLES.get(i).name());
                    }
                }
                for (Table table : BackupFormat.TABLES) {
                    // A table newer than the archive's schema stays empty.
                    counts.put(table.name(), table.inSchema(schema) ? insertRows(connection, zip, shown, table) : 0L);
                    progress.accept(table.fileName() + ": " + counts.get(table.name()) + " rows restored");
                }
                if (product.equals("PostgreSQL")) {
                    moveIdentitiesPastRestoredRows(connection, product);
                }
                connection.commit();
            } catch (BackupException | SQLException | IOException | RuntimeException e) {
                connection.rollback();
                if (e instanceof BackupException refused) {
                    throw refused;
                }
                throw new BackupException("Restoring the rows of '" + shown + "' failed, nothing was changed: "
                        + e.getMessage(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            // H2 commits on ALTER TABLE, so its identities move after the rows are in (MariaDB's move by themselves).
            if (product.equals("H2")) {
                moveIdentitiesPastRestoredRows(connection, product);
            }
        } catch (SQLException e) {
            throw new BackupException("Restoring the rows of '" + shown + "' failed: " + e.getMessage(), e);
        }
        return counts;
    }

    private static void moveIdentitiesPastRestoredRows(Connection connection, String product) throws SQLException {
        for (Table table : BackupFormat.TABLES) {
            if (table.identity().isEmpty()) {
                continue;
            }
            String column = table.identity().get();
            long next = scalar(connection, "SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table.name(), null);
            try (Statement statement = connection.createStatement()) {
                if (product.equals("PostgreSQL")) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table.name() + "', '" + column
                            + "'), " + next + ", false)");
                } else {
                    statement.execute("ALTER TABLE " + table.name() + " ALTER COLUMN " + column + " RESTART WITH " + next);
                }
            }
        }
    }

    private long insertRows(Connection connection, ZipFile zip, String shown, Table table)
            throws BackupException, IOException, SQLException {
        List<Column> columns = table.columns();
        String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", columns.stream().map(Column::name).toList())
                + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        Map<String, Integer> lengths = textLengths(connection, table.name());
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            long[] pending = {0};
            long rows = readRows(zip, shown, table, (row, number) -> {
                String where = shown + ", " + table.fileName() + ", row " + number;
                try {
                    for (int i = 0; i < columns.size(); i++) {
                        Column column = columns.get(i);
                        bind(insert, i + 1, column, row.get(column.name()), where, lengths.get(column.name()));
                    }
                    insert.addBatch();
                    if (++pending[0] == BATCH) {
                        insert.executeBatch();
                        pending[0] = 0;
                    }
                } catch (SQLException e) {
                    throw new BackupException(where + " (or one of the " + BATCH + " before it) was refused by the"
                            + " database: " + e.getMessage(), e);
                }
            });
            if (pending[0] > 0) {
                try {
                    insert.executeBatch();
                } catch (SQLException e) {
                    throw new BackupException(shown + ", " + table.fileName() + ", one of the last " + pending[0]
                            + " rows was refused by the database: " + e.getMessage(), e);
                }
            }
            return rows;
        }
    }

    /**
     * The longest text each limited column of {@code table} takes here, so a row that would not fit is refused
     * naming its file, row and column rather than failing a batch in the database.
     */
    private static Map<String, Integer> textLengths(Connection connection, String table) throws SQLException {
        Map<String, Integer> lengths = new java.util.HashMap<>();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(), null, name, null)) {
                while (columns.next()) {
                    int type = columns.getInt("DATA_TYPE");
                    if (type == Types.VARCHAR || type == Types.NVARCHAR || type == Types.CHAR) {
                        lengths.put(columns.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT),
                                columns.getInt("COLUMN_SIZE"));
                    }
                }
            }
            if (!lengths.isEmpty()) {
                break;
            }
        }
        return lengths;
    }

    private static void bind(PreparedStatement insert, int index, Column column, JsonNode value, String where,
                             Integer longest) throws SQLException, BackupException {
        String field = where + ", " + column.name();
        if (value == null || value.isNull()) {
            insert.setNull(index, switch (column.kind()) {
                case LONG -> Types.BIGINT;
                case INT -> Types.INTEGER;
                case DOUBLE -> Types.DOUBLE;
                case BOOLEAN -> Types.BOOLEAN;
                case TEXT -> Types.VARCHAR;
                case TIME -> Types.TIMESTAMP;
            });
            return;
        }
        switch (column.kind()) {
            case LONG -> {
                if (!value.canConvertToLong() || !value.isIntegralNumber()) {
                    throw new BackupException(field + ": expected a whole number, found " + shortly(value));
                }
                insert.setLong(index, value.longValue());
            }
            case INT -> {
                if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                    throw new BackupException(field + ": expected a whole number, found " + shortly(value));
                }
                insert.setInt(index, value.intValue());
            }
            case DOUBLE -> {
                if (!value.isNumber()) {
                    throw new BackupException(field + ": expected a number, found " + shortly(value));
                }
                insert.setDouble(index, value.doubleValue());
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw new BackupException(field + ": expected true or false, found " + shortly(value));
                }
                insert.setBoolean(index, value.booleanValue());
            }
            case TEXT -> {
                if (!value.isTextual()) {
                    throw new BackupException(field + ": expected text, found " + shortly(value));
                }
                int characters = value.textValue().codePointCount(0, value.textValue().length());
                if (longest != null && characters > longest) {
                    throw new BackupException(field + ": " + characters + " characters, where this column holds at"
                            + " most " + longest);
                }
                if (value.textValue().indexOf('\0') >= 0) {
                    throw new BackupException(field + ": the text contains a NUL character (U+0000)");
                }
                insert.setString(index, value.textValue());
            }
            case TIME -> {
                if (!value.isTextual()) {
                    throw new BackupException(field + ": expected an ISO-8601 instant, found " + shortly(value));
                }
                try {
                    insert.setTimestamp(index, Timestamp.from(Instant.parse(value.textValue())), (Calendar) UTC.clone());
                } catch (DateTimeParseException e) {
                    throw new BackupException(field + ": '" + value.textValue()
                            + "' is not an ISO-8601 instant such as 2017-12-29T08:00:00Z", e);
                }
            }
        }
    }

    private static String shortly(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ObjectNode row, long number) throws BackupException;
    }

    /**
     * Streams the rows of a table's file, checking each is an object with exactly the table's columns.
     *
     * @return the number of rows
     */
    private long readRows(ZipFile zip, String shown, Table table, RowHandler handler) throws BackupException, IOException {
        String file = shown + ", " + table.fileName();
        try (InputStream in = zip.getInputStream(zip.getEntry(table.fileName()));
             JsonParser parser = json.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new BackupException(file + ": expected a JSON array of rows");
            }
            Set<String> expected = new LinkedHashSet<>(table.columns().stream().map(Column::name).toList());
            long number = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                number++;
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw new BackupException(file + ", row " + number + " (line "
                            + parser.currentLocation().getLineNr() + "): expected an object");
                }
                ObjectNode row = parser.readValueAsTree();
                Set<String> names = new LinkedHashSet<>();
                for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                if (!names.equals(expected)) {
                    Set<String> missing = new LinkedHashSet<>(expected);
                    missing.removeAll(names);
                    names.removeAll(expected);
                    throw new BackupException(file + ", row " + number + " (line "
                            + parser.currentLocation().getLineNr() + "): "
                            + (missing.isEmpty() ? "" : "missing " + missing + (names.isEmpty() ? "" : "; "))
                            + (names.isEmpty() ? "" : "unknown " + names));
                }
                handler.row(row, number);
            }
            return number;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BackupException(file + ", line " + e.getLocation().getLineNr() + ": not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (ZipException e) {
            throw new BackupException(file + ": damaged (" + e.getMessage() + ")", e);
        }
    }

    /** The restored instance runs what it restored: the plugins and their jars, fresh pages, the base path. */
    private void afterRestore() {
        plugins.reloadFromStore();
        pageCache.invalidateAll();
        publicSite.reloadSettings();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
