package org.quire.web.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a Jekyll site that a post refers to by a site path: {@code ![](/images/x.jpg)},
 * {@code [slides](/files/talk.pdf)}, {@code <img src="{{ site.baseurl }}/assets/a.png">}. Only paths that name a
 * file inside the site folder count; links to pages, other sites and missing files are left alone.
 */
final class SiteFiles {

    /** The target of a Markdown link or image: what follows {@code ](}, up to a space or the closing bracket. */
    private static final Pattern MARKDOWN_TARGET = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)");
    /** An HTML src or href attribute. */
    private static final Pattern HTML_TARGET = Pattern.compile("(?i)\\b(?:src|href)\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern BASEURL = Pattern.compile("\\{\\{\\s*site\\.baseurl\\s*}}");
    private static final Set<String> FOLDERS_NOT_FILES = Set.of("_posts", "_drafts", "_site", "_config.yml");

    private final Path root;
    private final String basePath;

    SiteFiles(Path root, String basePath) {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath == null ? "" : basePath;
    }

    /** A reference as written in the post, and the file it names, relative to the site folder ({@code images/x.jpg}). */
    record Reference(String written, String file) {
    }

    /** Every reference in {@code text} to a file the site has, once each, in order. */
    Set<Reference> referencedIn(String text) {
        Set<Reference> found = new LinkedHashSet<>();
        for (Pattern pattern : new Pattern[] {MARKDOWN_TARGET, HTML_TARGET}) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                String written = matcher.group(1);
                fileOf(written).ifPresent(file -> found.add(new Reference(written, file)));
            }
        }
        return found;
    }

    /** The file a site path names, if the site folder has it: never outside the folder, never a post. */
    Optional<String> fileOf(String written) {
        String path = BASEURL.matcher(written).replaceFirst("");
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (!basePath.isEmpty() && path.startsWith(basePath + "/")) {
            path = path.substring(basePath.length());
        }
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.contains("{")) {
            return Optional.empty();
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

    private static int indexOfAny(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }
}
