package org.quire.web.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Each plugin's working folder on this instance (API 1.4), for indexes and caches it can build again: under
 * {@code quire.plugins.work-dir} (default {@code <data>/plugin-work}), one folder per plugin id. Not backed up;
 * deleted with the plugin. Instances that share a data folder must each set a work folder of their own.
 */
@ApplicationScoped
public class WorkFolders {

    private final Path root;

    public WorkFolders(@ConfigProperty(name = "quire.data-dir") String dataDir,
                       @ConfigProperty(name = "quire.plugins.work-dir") Optional<String> workDir) {
        this.root = Path.of(workDir.filter(s -> !s.isBlank()).orElse(dataDir + "/plugin-work")).toAbsolutePath()
                .normalize();
    }

    /** The plugin's folder, made when first asked for. */
    public Path of(String pluginId) {
        Path folder = root.resolve(pluginId).normalize();
        if (!folder.getParent().equals(root)) {
            throw new IllegalArgumentException("Not a plugin id: '" + pluginId + "'");
        }
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the working folder " + folder + " of plugin '" + pluginId
                    + "': " + e.getMessage(), e);
        }
    }

    /** Deletes a removed plugin's folder and what is in it. */
    public void delete(String pluginId) throws IOException {
        Path folder = root.resolve(pluginId).normalize();
        if (!folder.getParent().equals(root) || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
