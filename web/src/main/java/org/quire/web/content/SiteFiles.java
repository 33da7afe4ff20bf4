package org.quire.web.content;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a Jekyll site that a post refers to: {@code ![](/images/x.jpg)}, {@code [slides](/files/talk.pdf)},
 * {@code <img src="{{ site.baseurl }}/assets/a.png">}, {@code ![]({{ site.filesurl }}/b.png)} where the site sets
 * {@code filesurl} to a path or a URL of the site, and relative paths ({@code ../assets/a.png}), read against the
 * address readers saw the post at and, failing that, against the post's file, as an editor's preview reads them.
 * Only files inside the site folder count. A reference to an image, or to a file with an extension other than a
 * page's, that names no such file is reported with the post's line, so that no picture goes missing unnoticed.
 */
final class SiteFiles {

    /** The target of a Markdown link or image: what follows {@code ](}, up to a space or the closing bracket. */
    private static final Pattern MARKDOWN_TARGET = Pattern.compile(
            "(!?)\\]\\(\\s*<?((?:\\{\\{[^}\\n]*}}|[^)\\s>])+)");
    /** An HTML src or href attribute in either quotes (the other kind may be inside, as Liquid strings are). */
    private static final Pattern HTML_TARGET = Pattern.compile(
            "(?i)<(\\w+)\\b[^>]*?\\b(?:src|href)\\s*=\\s*(?:\"([^\"]+)\"|'([^']+)')");
    private static final Pattern SITE_VARIABLE = Pattern.compile("\\{\\{\\s*site\\.([A-Za-z_][\\w-]*)\\s*}}");
    /** {@code {{ '/a.png' | relative_url }}} and {@code absolute_url}, which Jekyll sites write for their files. */
    private static final Pattern URL_FILTER = Pattern.compile(
            "\\{\\{\\s*(['\"])([^'\"]*)\\1\\s*\\|\\s*(relative_url|absolute_url)\\s*}}");
    private static final Set<String> FOLDERS_NOT_FILES = Set.of("_posts", "_drafts", "_site", "_config.yml");
    /** What a link to a page ends with; a missing page is not a missing file. */
    private static final Set<String> PAGE_EXTENSIONS = Set.of("html", "htm", "md", "markdown", "php", "xml", "");

    private final Path root;
    private final String basePath;
    private final String siteUrl;
    private final Map<String, Object> config;

    SiteFiles(Path root, String basePath, String siteUrl, Map<String, Object> config) {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath == null ? "" : basePath;
        this.siteUrl = siteUrl == null ? "" : siteUrl;
        this.config = config == null ? Map.of() : config;
    }

    SiteFiles(Path root, String basePath) {
        this(root, basePath, "", Map.of());
    }

    /** A reference as written in the post, and the file it names, relative to the site folder ({@code images/x.jpg}). */
    record Reference(String written, String file) {
    }

    /** A reference that names no file the site has: the post's line, what is written, and why. */
    record Unresolved(int line, String written, String why) {
    }

    /** What a post refers to. */
    record Found(List<Reference> references, List<Unresolved> unresolved) {
    }

    /** Every reference in {@code text} to a file the site has, once each, in order. */
    java.util.Set<Reference> referencedIn(String text) {
        return new java.util.LinkedHashSet<>(find(text, null, null).references());
    }

    /**
     * @param sourceName the post's file relative to the site folder ({@code _posts/2017-07-07-files.md}), or null
     * @param pageUrl    the address readers saw it at on the old site ({@code /blog/2017/07/files/}), or null
     */
    Found find(String text, String sourceName, String pageUrl) {
        Map<String, Reference> found = new LinkedHashMap<>();
        List<Unresolved> unresolved = new ArrayList<>();
        Matcher markdown = MARKDOWN_TARGET.matcher(text);
        while (markdown.find()) {
            consider(text, markdown.start(2), markdown.group(2), !markdown.group(1).isEmpty(), sourceName, pageUrl,
                    found, unresolved);
        }
        Matcher html = HTML_TARGET.matcher(text);
        while (html.find()) {
            boolean image = html.group(1).equalsIgnoreCase("img") || html.group(1).equalsIgnoreCase("source");
            int group = html.group(2) != null ? 2 : 3;
            consider(text, html.start(group), html.group(group), image, sourceName, pageUrl, found, unresolved);
        }
        return new Found(List.copyOf(found.values()), unresolved);
    }

    private void consider(String text, int at, String written, boolean image, String sourceName, String pageUrl,
                          Map<String, Reference> found, List<Unresolved> unresolved) {
        if (found.containsKey(written)) {
            return;
        }
        Candidates candidates = candidates(written, sourceName, pageUrl);
        if (candidates == null) {
            return;
        }
        for (String candidate : candidates.paths()) {
            Optional<String> file = fileAt(candidate);
            if (file.isPresent()) {
                found.put(written, new Reference(written, file.get()));
                return;
            }
        }
        String last = candidates.paths().isEmpty() ? "" : candidates.paths().get(0);
        last = last.substring(last.lastIndexOf('/') + 1);
        String extension = last.contains(".") ? last.substring(last.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (candidates.why() != null && candidates.imagesOnly() && !image) {
            return;
        }
        if (candidates.why() != null || image || !PAGE_EXTENSIONS.contains(extension)) {
            unresolved.add(new Unresolved(lineAt(text, at), written, candidates.why() != null ? candidates.why()
                    : "the site folder has no file " + String.join(" or ", candidates.paths())));
        }
    }

    /**
     * Site paths a reference may name, in order; null when it is not a reference to this site's files. {@code why}
     * says why none can be named, and {@code imagesOnly} whether that is worth a report only for an image (a link
     * made with {@code post_url} names a page).
     */
    private record Candidates(List<String> paths, String why, boolean imagesOnly) {
        Candidates(List<String> paths, String why) {
            this(paths, why, false);
        }
    }

    private Candidates candidates(String written, String sourceName, String pageUrl) {
        String path = written;
        Matcher filter = URL_FILTER.matcher(path);
        StringBuilder filtered = new StringBuilder();
        while (filter.find()) {
            String target = filter.group(2).startsWith("/") ? filter.group(2) : "/" + filter.group(2);
            String prefix = (filter.group(3).equals("absolute_url") ? siteUrl : "") + basePath;
            filter.appendReplacement(filtered, Matcher.quoteReplacement(prefix + target));
        }
        path = filter.appendTail(filtered).toString();
        Matcher variable = SITE_VARIABLE.matcher(path);
        StringBuilder substituted = new StringBuilder();
        while (variable.find()) {
            Object value = config.get(variable.group(1));
            if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
                return new Candidates(List.of(), "site." + variable.group(1) + " is not set in _config.yml");
            }
            variable.appendReplacement(substituted, Matcher.quoteReplacement(value.toString().strip()));
        }
        path = variable.appendTail(substituted).toString();
        if (path.contains("{{") || path.contains("{%")) {
            return new Candidates(List.of(), "its Liquid cannot be worked out at import, so the file it names is"
                    + " not known", true);
        }
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (!siteUrl.isEmpty() && lower.startsWith(siteUrl.toLowerCase(Locale.ROOT) + "/")) {
            path = path.substring(siteUrl.length());
        } else if (lower.matches("^[a-z][a-z0-9+.-]*:.*") || path.startsWith("//") || path.isEmpty()) {
            return null; // another site, mailto:, data:, or a fragment of this page
        }
        if (path.contains("\\")) {
            return null;
        }
        List<String> paths = new ArrayList<>();
        if (path.startsWith("/")) {
            paths.add(path);
        } else {
            if (pageUrl != null) {
                resolve(pageUrl, path).ifPresent(paths::add);
            }
            if (sourceName != null) {
                resolve("/" + sourceName, path).ifPresent(paths::add);
            }
        }
        return paths.isEmpty() ? null : new Candidates(paths, null);
    }

    private static Optional<String> resolve(String base, String relative) {
        try {
            String resolved = new URI(null, null, base, null).resolve(new URI(null, null, relative, null)).getPath();
            return resolved == null || resolved.contains("/../") || resolved.startsWith("/..") ? Optional.empty()
                    : Optional.of(resolved);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The file a site path names, if the site folder has it: never outside the folder, never a post. */
    private Optional<String> fileAt(String sitePath) {
        String path = sitePath;
        if (!basePath.isEmpty() && path.startsWith(basePath + "/")) {
            path = path.substring(basePath.length());
        }
        String relative;
        try {
            relative = java.net.URLDecoder.decode(path.substring(1).replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (relative.isEmpty()) {
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file) || Files.isSymbolicLink(file)) {
            return Optional.empty();
        }
        String first = root.relativize(file).getName(0).toString().toLowerCase(Locale.ROOT);
        if (FOLDERS_NOT_FILES.contains(first)) {
            return Optional.empty();
        }
        return Optional.of(root.relativize(file).toString().replace('\\', '/'));
    }

    /** Kept for the tests that ask for one path: the file a site path names, if the site folder has it. */
    Optional<String> fileOf(String written) {
        Candidates candidates = candidates(written, null, null);
        if (candidates == null) {
            return Optional.empty();
        }
        return candidates.paths().stream().map(this::fileAt).flatMap(Optional::stream).findFirst();
    }

    byte[] read(String file) throws IOException {
        return Files.readAllBytes(root.resolve(file));
    }

    /**
     * The text with each reference to {@code written} as a link or image target, or as an attribute value, replaced
     * by {@code url}; the same path elsewhere in prose is left as it is.
     */
    static String rewrite(String text, String written, String url) {
        String quoted = Pattern.quote(written);
        String replacement = Matcher.quoteReplacement(url);
        String markdown = text.replaceAll("(\\]\\(\\s*<?)" + quoted + "(?=[)\\s>?#])", "$1" + replacement);
        return markdown.replaceAll("(?i)(\\b(?:src|href)\\s*=\\s*[\"'])" + quoted + "(?=[\"'?#])", "$1" + replacement);
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int indexOfAny(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }
}
