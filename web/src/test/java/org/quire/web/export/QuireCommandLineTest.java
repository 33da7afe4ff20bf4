package org.quire.web.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command next to a running server on the same embedded database says so in one line instead of failing in
 * start-up. The lock is held here by this process, as H2 holds it in the server's; {@code .ci/run} checks the real
 * case with two processes.
 */
class QuireCommandLineTest {

    @Test
    void aDatabaseFileLockedByAnotherQuireIsNamedWithWhatToDo(@TempDir Path data) throws Exception {
        Path file = data.resolve("quire.mv.db");
        assertThat(QuireCommandLine.embeddedDatabaseInUse(Optional.of(file))).as("no database yet").isEmpty();
        Files.writeString(file, "H2");
        assertThat(QuireCommandLine.embeddedDatabaseInUse(Optional.of(file))).as("there, not open").isEmpty();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            assertThat(QuireCommandLine.embeddedDatabaseInUse(Optional.of(file))).get().asString()
                    .contains(file.toString()).contains("in use by another Quire process").contains("Stop it first")
                    .doesNotContain("\n");
        }
        assertThat(QuireCommandLine.embeddedDatabaseInUse(Optional.empty())).as("another database configured")
                .isEmpty();
    }
}
