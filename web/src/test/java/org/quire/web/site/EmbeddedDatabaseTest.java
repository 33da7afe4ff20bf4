package org.quire.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The embedded database's URL as application.properties gives it, {@code ${quire.data-dir}} left in. */
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
