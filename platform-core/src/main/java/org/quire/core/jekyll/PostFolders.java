package org.quire.core.jekyll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Jekyll site's post files as Jekyll 4.3's reader does: every {@code _posts} and {@code _drafts} folder in
 * the site root and in each folder Jekyll reads below it ({@code news/_posts}, {@code en/news/_posts}), skipping what
 * its entry filter skips (names starting with {@code .}, {@code _}, {@code #} or {@code ~}, backups ending in
 * {@code ~}, and {@code exclude} from {@code _config.yml} unless {@code include} names it), and only within
 * {@code collections_dir} when the site sets one. Every file under a post folder is accounted for: a post, a draft,
 * or not a post with the reason.
 *
 * <p>Two decisions differ from Jekyll, both reported per file: symbolic links are not followed (an import must
 * not read outside the folder it was given), and a dated file that is neither Markdown nor HTML ({@code .txt}),
 * which Jekyll publishes unconverted, is not imported.
 */
final class PostFolders {

    /** Jekyll's {@code Document::DATE_FILENAME_MATCHER}, on the path below {@code _posts}. */
    private static final Pattern DATED = Pattern.compile("^(?:.+/)*?(\\d{2,4}-\\d{1,2}-\\d{1,2})-([^/]*)(\\.[^.]+)$");
    /** Jekyll's {@code Document::DATELESS_FILENAME_MATCHER}: drafts need only an extension. */
    private static final Pattern DATELESS = Pattern.compile("^(?:.+/)*(.*)(\\.[^.]+)$");
    /** Jekyll 4's default {@code exclude}, added to whatever a site excludes. */
    private static final List<String> DEFAULT_EXCLUDES = List.of(".sass-cache", ".jekyll-cache", "gemfiles",
            "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/",
            "vendor/ruby/");
    private static final String DEFAULT_MARKDOWN_EXTENSIONS = "markdown,mkdown,mkdn,mkd,md";

    enum Kind { POST, DRAFT, NOT_A_POST }

    /** A file under a post folder and what it is; {@code reason} says why a file is not a post. */
    record Found(Path file, String relativePath, Kind kind, String reason) {
    }

    private final Path root;
    private final List<String> exclude;
    private final List<String> include;
    private final List<String> markdownExtensions;
    private final String collectionsDir;

    PostFolders(Path root, Map<String, Object> config) {
        this.root = root.toAbsolutePath().normalize();
        this.include = new ArrayList<>(strings(config.get("include")));
        if (!include.contains(".htaccess")) {
            include.add(".htaccess");
        }
        List<String> excluded = new ArrayList<>(strings(config.get("exclude")));
        DEFAULT_EXCLUDES.stream().filter(e -> !excluded.contains(e)).forEach(excluded::add);
        excluded.removeAll(include);
        this.exclude = excluded;
        Object markdown = config.get("markdown_ext");
        String extensions = markdown == null ? DEFAULT_MARKDOWN_EXTENSIONS : markdown.toString();
        this.markdownExtensions = List.of(extensions.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        Object collections = config.get("collections_dir");
        this.collectionsDir = collections == null ? "" : collections.toString().strip().replaceAll("^/+|/+$", "");
    }

    /** Every file under the site's post folders, in the order Jekyll reads the folders, files sorted by path. */
    List<Found> find() throws IOException {
        List<Found> found = new ArrayList<>();
        readFolder("", found);
        return found;
    }

    /** Jekyll's {@code Reader#read_directories}: this folder's post folders, then the folders below it. */
    private void readFolder(String dir, List<Found> found) throws IOException {
        Path base = dir.isEmpty() ? root : root.resolve(dir);
        // Jekyll reads posts only inside collections_dir, but still walks the folders that lead there.
        boolean readsPosts = collectionsDir.isEmpty() || ("/" + dir).startsWith("/" + collectionsDir);
        if (readsPosts) {
            readPostFolder(dir, "_posts", Kind.POST, found);
            readPostFolder(dir, "_drafts", Kind.DRAFT, found);
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(base)) {
            children = list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            String relative = dir.isEmpty() ? name : dir + "/" + name;
            if (readsPosts && (name.equals("_posts") || name.equals("_drafts"))) {
                continue;
            }
            if (name.equals("_site") || filteredOut(name, relative)) {
                reportUnread(child, relative, isExcluded(relative) ? "_config.yml excludes the folder " + relative
                        : (name.equals("_posts") || name.equals("_drafts"))
                        ? "Jekyll reads posts only inside collections_dir (" + collectionsDir + ")"
                        : "Jekyll does not read the folder " + relative + " (its name starts with '.', '_', '#' or"
                        + " '~')", found);
                continue;
            }
            readFolder(relative, found);
        }
    }

    /** The files of post folders inside a folder Jekyll does not read, each with the reason. */
    private void reportUnread(Path folder, String relative, String reason, List<Found> found) throws IOException {
        if (Files.isSymbolicLink(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            String path = relative + "/" + folder.relativize(file).toString().replace('\\', '/');
            if (("/" + path).contains("/_posts/") || ("/" + path).contains("/_drafts/")) {
                found.add(notAPost(file, path, reason));
            }
        }
    }

    /** Jekyll's {@code Reader#get_entries} and {@code PostReader#read_content} for one post folder. */
    private void readPostFolder(String dir, String magicDir, Kind kind, List<Found> found) throws IOException {
        Path folder = (dir.isEmpty() ? root : root.resolve(dir)).resolve(magicDir);
        String folderPath = dir.isEmpty() ? magicDir : dir + "/" + magicDir;
        if (Files.isSymbolicLink(folder)) {
            found.add(notAPost(folder, folderPath, "it is a symbolic link to a folder, which an import does not"
                    + " follow"));
            return;
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            String entry = folder.relativize(file).toString().replace('\\', '/');
            String relative = folderPath + "/" + entry;
            found.add(classify(file, entry, relative, kind));
        }
    }

    private Found classify(Path file, String entry, String relative, Kind kind) {
        if (hiddenByGlob(entry)) {
            return notAPost(file, relative, "its name or a folder in its path starts with '.', which Jekyll skips");
        }
        if (filteredOut(entry, relative)) {
            return notAPost(file, relative, isExcluded(relative)
                    ? "_config.yml excludes it (exclude)"
                    : "its name starts with '_', '#' or '~' or ends with '~', which Jekyll skips");
        }
        if (Files.isSymbolicLink(file)) {
            return notAPost(file, relative, "it is a symbolic link, which an import does not follow");
        }
        boolean dated = DATED.matcher(entry).matches();
        if (kind == Kind.POST && !dated) {
            return notAPost(file, relative, "its name does not start with a date (YYYY-MM-DD-title.md), so Jekyll"
                    + " does not publish it");
        }
        if (kind == Kind.DRAFT && !DATELESS.matcher(entry).matches()) {
            return notAPost(file, relative, "it has no extension, so Jekyll does not read it as a draft");
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!markdownExtensions.contains(extension) && !extension.equals("html") && !extension.equals("htm")) {
            return notAPost(file, relative, "it is a ." + extension + " file, which Jekyll "
                    + (kind == Kind.POST ? "publishes" : "keeps") + " without converting it; Quire imports"
                    + " Markdown (" + String.join(", ", markdownExtensions) + ") and HTML posts");
        }
        return new Found(file, relative, kind, null);
    }

    private static Found notAPost(Path file, String relative, String reason) {
        return new Found(file, relative, Kind.NOT_A_POST, reason);
    }

    /** Ruby's {@code Dir["**&#47;*"]} does not list names starting with a dot, at any depth. */
    private static boolean hiddenByGlob(String entry) {
        for (String segment : entry.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Jekyll's {@code EntryFilter#filter}: {@code entry} as the reader lists it, {@code relative} from the root. */
    private boolean filteredOut(String entry, String relative) {
        if (entry.endsWith(".")) {
            return true;
        }
        String baseName = entry.substring(entry.lastIndexOf('/') + 1);
        boolean included = matchesAny(include, entry) || matchesAny(include, baseName);
        if (isExcluded(relative) && !included) {
            return true;
        }
        if (included) {
            return false;
        }
        return special(entry) || special(baseName) || entry.endsWith("~");
    }

    private boolean isExcluded(String relative) {
        return matchesAny(exclude, relative);
    }

    private static boolean special(String name) {
        return !name.isEmpty() && ".#_~".indexOf(name.charAt(0)) >= 0;
    }

    /**
     * Jekyll's {@code EntryFilter#glob_include?}: a pattern matches a path (both taken from the site root) when
     * Ruby's {@code File.fnmatch?} does, when the path starts with it (so {@code exclude: [old]} also excludes
     * {@code older/}), or when it names the folder with a trailing slash.
     */
    private boolean matchesAny(List<String> patterns, String path) {
        String entry = "/" + path.replaceAll("^/+", "");
        boolean directory = Files.isDirectory(root.resolve(path.replaceAll("^/+", "")));
        for (String pattern : patterns) {
            String withRoot = "/" + pattern.replaceAll("^/+", "");
            if (fnmatch(withRoot, entry) || entry.startsWith(withRoot)
                    || (directory && withRoot.equals(entry + "/"))) {
                return true;
            }
        }
        return false;
    }

    /** Ruby's {@code File.fnmatch?} without flags: {@code *} and {@code ?} match any character, slashes too. */
    static boolean fnmatch(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    int close = pattern.indexOf(']', i + 2);
                    if (close < 0) {
                        regex.append("\\[");
                    } else {
                        String set = pattern.substring(i + 1, close);
                        regex.append('[').append(set.startsWith("!") ? "^" + quoteSet(set.substring(1))
                                : quoteSet(set)).append(']');
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < pattern.length()) {
                        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
        } catch (java.util.regex.PatternSyntaxException e) {
            return false; // Ruby matches nothing with a pattern it cannot read, such as [z-a]
        }
    }

    private static String quoteSet(String set) {
        return set.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
