package org.quire.core.jekyll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.quire.core.Diagnostic;
import org.quire.core.Diagnostic.Kind;
import org.quire.core.site.JekyllConfig;
import org.quire.core.site.SiteSettings;
import org.quire.core.source.FrontMatterParser;
import org.quire.core.source.PostSource;
import org.quire.core.text.Utf8;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a Jekyll site's folder: {@code _config.yml}, {@code _posts/} (nested folders; {@code .md},
 * {@code .markdown}, {@code .html}), {@code _drafts/}, and authors from {@code _authors/} or
 * {@code _data/authors.yml}. A file that cannot be read becomes a diagnostic; the rest is still read.
 */
public final class JekyllSiteReader {

    private static final String POST_FILE = ".*\\.(md|markdown|mkd|mkdn|mdown|html|htm)$";

    private final FrontMatterParser frontMatter = new FrontMatterParser();

    public JekyllSite read(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a folder");
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        Path config = root.resolve("_config.yml");
        SiteSettings settings = Files.isRegularFile(config) ? JekyllConfig.read(config) : SiteSettings.defaults();
        List<PostSource> posts = sources(root, root.resolve("_posts"), diagnostics);
        if (posts.isEmpty() && !Files.isDirectory(root.resolve("_posts"))) {
            throw new IllegalArgumentException(root + " has no _posts folder; is it a Jekyll site?");
        }
        List<PostSource> drafts = sources(root, root.resolve("_drafts"), diagnostics);
        Map<String, JekyllAuthor> authors = new LinkedHashMap<>();
        readAuthorData(root.resolve("_data/authors.yml"), authors, diagnostics);
        readAuthorCollection(root, root.resolve("_authors"), authors, diagnostics);
        return new JekyllSite(settings, posts, drafts, authors, diagnostics);
    }

    private static List<PostSource> sources(Path root, Path folder, List<Diagnostic> diagnostics) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches(POST_FILE))
                    .sorted().toList();
        }
        List<PostSource> sources = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(PostSource.read(root, file));
            } catch (Utf8.NotUtf8Exception e) {
                diagnostics.add(Diagnostic.error(root.relativize(file).toString(), e.line(), Kind.FRONT_MATTER_INVALID,
                        e.getMessage()));
            } catch (UncheckedIOException e) {
                diagnostics.add(Diagnostic.error(root.relativize(file).toString(), 0, Kind.FRONT_MATTER_INVALID,
                        "cannot be read: " + e.getCause().getMessage()));
            }
        }
        return sources;
    }

    private void readAuthorCollection(Path root, Path folder, Map<String, JekyllAuthor> authors,
                                      List<Diagnostic> diagnostics) throws IOException {
        for (PostSource source : sources(root, folder, diagnostics)) {
            FrontMatterParser.Result parsed = frontMatter.parse(source);
            diagnostics.addAll(parsed.diagnostics());
            String file = source.fileName();
            String handle = file.substring(0, file.lastIndexOf('.'));
            authors.put(handle, author(handle, parsed.frontMatter().values()));
        }
    }

    private static void readAuthorData(Path file, Map<String, JekyllAuthor> authors, List<Diagnostic> diagnostics) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
            if (loaded instanceof Map<?, ?> map) {
                map.forEach((key, value) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    if (value instanceof Map<?, ?> entry) {
                        entry.forEach((k, v) -> fields.put(String.valueOf(k), v));
                    }
                    authors.put(String.valueOf(key), author(String.valueOf(key), fields));
                });
            } else {
                diagnostics.add(Diagnostic.warning(file.toString(), 1, Kind.FRONT_MATTER_FIELD,
                        "_data/authors.yml should map each author's handle to their details; it is ignored"));
            }
        } catch (IOException | YAMLException e) {
            diagnostics.add(Diagnostic.warning(file.toString(), 0, Kind.FRONT_MATTER_INVALID,
                    "_data/authors.yml cannot be read: " + e.getMessage()));
        }
    }

    private static JekyllAuthor author(String handle, Map<String, Object> fields) {
        String name = text(fields.get("full_name"));
        if (name.isBlank()) {
            name = text(fields.get("name"));
        }
        if (name.isBlank()) {
            name = (text(fields.get("first_name")) + " " + text(fields.get("last_name"))).trim();
        }
        if (name.isBlank()) {
            name = handle;
        }
        String bio = text(fields.get("bio"));
        if (bio.isBlank()) {
            bio = text(fields.get("description"));
        }
        return new JekyllAuthor(handle, name.trim(), bio.trim());
    }

    private static String text(Object value) {
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? "" : value.toString();
    }

}
