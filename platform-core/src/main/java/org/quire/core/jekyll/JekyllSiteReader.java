package org.quire.core.jekyll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * Reads a Jekyll site's folder as Jekyll 4.3 does: {@code _config.yml} as far as it can be read, every
 * {@code _posts} and {@code _drafts} folder Jekyll reads ({@link PostFolders}), and authors from {@code _authors/}
 * or {@code _data/authors.yml}. Every file under a post folder becomes a post, a draft, or a {@code NotAPost}
 * with the reason; a setting or file that cannot be read is reported and the rest is still read.
 */
public final class JekyllSiteReader {

    private static final String AUTHOR_FILE = ".*\\.(md|markdown|mkd|mkdn|mdown|html|htm)$";

    private final FrontMatterParser frontMatter = new FrontMatterParser();

    public JekyllSite read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder");
        }
        Path root = folder.toAbsolutePath().normalize();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Path config = root.resolve("_config.yml");
        SiteSettings settings = SiteSettings.defaults();
        if (Files.isRegularFile(config)) {
            JekyllConfig.Read read = JekyllConfig.readAsFarAsPossible(config, "_config.yml");
            settings = read.settings();
            diagnostics.addAll(read.diagnostics());
        }
        List<PostSource> posts = new ArrayList<>();
        List<PostSource> drafts = new ArrayList<>();
        List<JekyllSite.NotAPost> notPosts = new ArrayList<>();
        for (PostFolders.Found found : new PostFolders(root, settings.config()).find()) {
            if (found.kind() == PostFolders.Kind.NOT_A_POST) {
                notPosts.add(new JekyllSite.NotAPost(found.relativePath(), found.reason()));
                continue;
            }
            try {
                PostSource source = PostSource.read(root, found.file());
                (found.kind() == PostFolders.Kind.POST ? posts : drafts).add(source);
            } catch (Utf8.NotUtf8Exception e) {
                notPosts.add(new JekyllSite.NotAPost(found.relativePath(), "it is not UTF-8 text (line " + e.line()
                        + "), which Jekyll skips too; save it as UTF-8 and import again"));
            } catch (UncheckedIOException e) {
                notPosts.add(new JekyllSite.NotAPost(found.relativePath(), "it cannot be read: "
                        + e.getCause().getMessage()));
            }
        }
        if (posts.isEmpty() && drafts.isEmpty() && notPosts.isEmpty() && !Files.isDirectory(root.resolve("_posts"))
                && !Files.isDirectory(root.resolve("_drafts"))) {
            throw new IllegalArgumentException(root + " has no _posts or _drafts folder with files in it, at its"
                    + " top or in a folder below; is it a Jekyll site?");
        }
        Map<String, JekyllAuthor> authors = new LinkedHashMap<>();
        readAuthorData(root.resolve("_data/authors.yml"), authors, diagnostics);
        readAuthorCollection(root, root.resolve("_authors"), authors, diagnostics);
        return new JekyllSite(settings, posts, drafts, authors, diagnostics, notPosts);
    }

    private static List<PostSource> sources(Path root, Path folder, List<Diagnostic> diagnostics) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                    .matches(AUTHOR_FILE)).sorted().toList();
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
