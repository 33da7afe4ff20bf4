package org.quire.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the read-only shared files (seed post, corpora, bench scripts) are: the parent pom sets
 * {@code quire.shared.dir} for every module's tests.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path root() {
        String dir = System.getProperty("quire.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("System property quire.shared.dir is not set; run the tests through Maven"
                    + " (the parent pom sets it) or pass -Dquire.shared.dir=/path/to/shared");
        }
        Path root = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("quire.shared.dir=" + root + " is not a directory");
        }
        return root;
    }

    public static Path seedPost() {
        return root().resolve("seed/2017-12-29-aws-reinvent.md");
    }

    public static Path corpus(String name) {
        return root().resolve("corpora").resolve(name);
    }
}
