package org.quire.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 database with the connection URL Quire ships (application.properties), in a folder of its own:
 * the tests' Quarkus runs use an in-memory database, which has no file to lose.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void aThreadInterruptedWhileCommittingLeavesTheDatabaseOpenForEveryoneElse() throws Exception {
        String url = shippedUrl().replace("${quire.data-dir}", dataDir.toString());
        try (Connection interrupted = DriverManager.getConnection(url, "sa", "");
             Connection other = DriverManager.getConnection(url, "sa", "")) {
            try (Statement statement = other.createStatement()) {
                statement.execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(100))");
            }
            interrupted.setAutoCommit(false);
            try (Statement statement = interrupted.createStatement()) {
                statement.executeUpdate("INSERT INTO note VALUES (1, 'written by a thread about to be stopped')");
                // The commit is written to the file before it returns (WRITE_DELAY=0): it meets the interrupt there.
                Thread.currentThread().interrupt();
                try {
                    interrupted.commit();
                } finally {
                    Thread.interrupted();
                }
            }

            try (Statement statement = other.createStatement()) {
                statement.executeUpdate("INSERT INTO note VALUES (2, 'written after')");
                try (ResultSet notes = statement.executeQuery("SELECT COUNT(*) FROM note")) {
                    assertThat(notes.next()).isTrue();
                    assertThat(notes.getLong(1)).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void upkeepShrinksAFileLeftManyTimesItsDataByCommitsAndKeepsEveryRow() throws Exception {
        String url = shippedUrl().replace("${quire.data-dir}", dataDir.toString());
        Path file = dataDir.resolve("db").resolve("quire.mv.db");
        int rows = 200;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (id INT PRIMARY KEY, text CLOB)");
            }
            // Each statement is its own commit, as each post is in an import: every one writes a chunk.
            try (PreparedStatement insert = connection.prepareStatement("MERGE INTO note KEY (id) VALUES (?, ?)")) {
                for (int round = 0; round < 10; round++) {
                    for (int id = 0; id < rows; id++) {
                        insert.setInt(1, id);
                        insert.setString(2, text(id, round));
                        insert.executeUpdate();
                    }
                }
            }
            long bloated = Files.size(file);
            MVStore store = EmbeddedStoreUpkeep.embeddedStore(connection);
            assertThat(store).as("the store behind the shipped URL").isNotNull();

            EmbeddedStoreUpkeep.Tidied tidied = EmbeddedStoreUpkeep.tidy(store, Duration.ofMinutes(1));

            assertThat(tidied.bytesBefore()).isEqualTo(bloated);
            assertThat(Files.size(file)).as("after upkeep (%s), from %d bytes", tidied, bloated)
                    .isLessThan(bloated / 3);
            assertThat(store.getFillRate()).isGreaterThanOrEqualTo(EmbeddedStoreUpkeep.FILE_FILL_TARGET);
            assertEveryNote(connection, rows);
        }
        // And the file opens again with every row.
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertEveryNote(connection, rows);
        }
    }

    @Test
    void anInMemoryDatabaseHasNoFileToKeep() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:upkeep", "sa", "")) {
            assertThat(EmbeddedStoreUpkeep.embeddedStore(connection)).isNull();
        }
    }

    private static void assertEveryNote(Connection connection, int rows) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet notes = statement.executeQuery("SELECT id, text FROM note ORDER BY id")) {
            int count = 0;
            while (notes.next()) {
                assertThat(notes.getString(2)).isEqualTo(text(notes.getInt(1), 9));
                count++;
            }
            assertThat(count).isEqualTo(rows);
        }
    }

    /** Four kilobytes that differ per row and per round. */
    private static String text(int id, int round) {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(id * 31L + round);
        while (text.length() < 4096) {
            text.append(Long.toString(random.nextLong(), 36)).append(' ');
        }
        return text.toString();
    }

    /** The embedded database's URL as application.properties gives it, {@code ${quire.data-dir}} left in. */
    @Test
    void theTemporaryCopiesOfLongTextsReadAreKeptSecondsNotMinutes() throws Exception {
        String url = shippedUrl().replace("${quire.data-dir}", dataDir.toString());
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (id INT PRIMARY KEY, text CLOB)");
            String longText = "a post's excerpt, longer than H2 keeps in its row. ".repeat(40);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO note VALUES (1, ?)")) {
                insert.setString(1, longText);
                insert.executeUpdate();
            }
            try (ResultSet notes = statement.executeQuery("SELECT text FROM note")) {
                assertThat(notes.next()).isTrue();
                assertThat(notes.getString(1)).isEqualTo(longText);
            }
            // Each read of the published site copies every long excerpt this way; H2 keeps a copy this long.
            try (ResultSet setting = statement.executeQuery(
                    "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'LOB_TIMEOUT'")) {
                assertThat(setting.next()).isTrue();
                assertThat(Integer.parseInt(setting.getString(1))).isBetween(1_000, 10_000);
            }
        }
    }

    private static String shippedUrl() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabaseTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        Matcher url = Pattern.compile("\\$\\{quire\\.database\\.url:(jdbc:h2:.*)}$")
                .matcher(properties.getProperty("quarkus.datasource.jdbc.url"));
        assertThat(url.matches()).as("the embedded default of quarkus.datasource.jdbc.url").isTrue();
        return url.group(1);
    }
}
