package org.quire.web.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.quire.web.DatabaseTest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The backup's table list against the schema the migrations build (on each database the run uses), and against
 * {@code docs/backup.md}: a migration that adds a table or column fails here until the format and its document
 * say what happens to it.
 */
@QuarkusTest
class BackupFormatTest extends DatabaseTest {

    /** Tables and their columns as the database has them, lower case. */
    private TreeMap<String, Set<String>> schema() throws Exception {
        TreeMap<String, Set<String>> tables = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            String catalog = connection.getCatalog();
            try (ResultSet result = meta.getColumns(catalog, schema, "%", "%")) {
                while (result.next()) {
                    String table = result.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    tables.computeIfAbsent(table, t -> new TreeSet<>())
                            .add(result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    @Test
    void everyTableIsCopiedOrDeliberatelyLeftOutAndEveryColumnIsInTheFormat() throws Exception {
        TreeMap<String, Set<String>> schema = schema();
        assertThat(schema).containsKeys("post", "account", "media_file");
        Set<String> copied = new TreeSet<>();
        for (BackupFormat.Table table : BackupFormat.TABLES) {
            copied.add(table.name());
            Set<String> columns = new TreeSet<>();
            table.columns().forEach(column -> columns.add(column.name()));
            assertThat(columns).as("columns of %s in BackupFormat", table.name()).isEqualTo(schema.get(table.name()));
            assertThat(columns).as("key of %s", table.name()).containsAll(table.key());
        }
        Set<String> left = new TreeSet<>(schema.keySet());
        left.removeAll(copied);
        assertThat(left).as("tables neither copied nor listed as left out")
                .isSubsetOf(BackupFormat.NOT_COPIED);
    }

    @Test
    void theDocumentDescribesEveryTableAndColumn() throws Exception {
        String document = Files.readString(Path.of(System.getProperty("quire.repo.dir"), "docs", "backup.md"));
        for (BackupFormat.Table table : BackupFormat.TABLES) {
            assertThat(document).as("docs/backup.md on %s", table.name()).contains("### `" + table.fileName() + "`");
            String section = document.substring(document.indexOf("### `" + table.fileName() + "`"));
            int next = section.indexOf("\n### ", 1);
            section = next < 0 ? section : section.substring(0, next);
            for (BackupFormat.Column column : table.columns()) {
                assertThat(section).as("docs/backup.md on %s.%s", table.name(), column.name())
                        .containsPattern("\\| `" + column.name() + "` \\| " + kindWord(column.kind()) + " \\|");
            }
        }
        for (String left : BackupFormat.NOT_COPIED) {
            assertThat(document).as("docs/backup.md on leaving out %s", left).contains("`" + left + "`");
        }
    }

    static String kindWord(BackupFormat.Kind kind) {
        return switch (kind) {
            case LONG, INT, DOUBLE -> "number";
            case TEXT -> "string";
            case BOOLEAN -> "boolean";
            case TIME -> "time";
        };
    }
}
