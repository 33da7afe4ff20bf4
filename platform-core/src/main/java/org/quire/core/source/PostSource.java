package org.quire.core.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.quire.core.text.Utf8;

/**
 * The text of one post, as written: front matter and body.
 *
 * @param name the file name or relative path, as diagnostics should name it; its last segment gives the Jekyll
 *             date and slug ({@code 2017-12-29-aws-reinvent.md})
 */
public record PostSource(String name, String text) {

    public PostSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text of " + name);
    }

    /**
     * Reads a UTF-8 file; the name is the path relative to {@code root}, with {@code /} separators.
     *
     * @throws Utf8.NotUtf8Exception when the file is in another encoding, naming the file and line
     */
    public static PostSource read(Path root, Path file) {
        try {
            String name = root.relativize(file).toString().replace('\\', '/');
            return new PostSource(name, Utf8.decode(Files.readAllBytes(file), name));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read post " + file + ": " + e.getMessage(), e);
        }
    }

    /** The last path segment, such as {@code 2017-12-29-aws-reinvent.md}. */
    public String fileName() {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
