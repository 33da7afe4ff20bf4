package org.quire.plugin.images;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.commonmark.node.Node;
import org.quire.api.DocumentTransform;
import org.quire.api.PluginSettings;
import org.quire.api.SiteInfo;
import org.quire.api.TransformContext;
import org.quire.api.UrlPaths;

/**
 * Makes a post's images responsive. On the syntax tree, a titled image alone in its paragraph becomes a figure
 * ({@link ImageFigures}). On the HTML, after the host's HTML policy (so nothing added here is stripped, and all that
 * is taken from the document is escaped again), every {@code <img>}:
 * <ul>
 *   <li>gets {@code loading="lazy"}, except the document's first image, which is likely in view, and
 *       {@code decoding="async"}; values the author wrote are kept;</li>
 * </ul>
 * and one whose {@code src} points into the media library ({@code /media/…}, after the site's base path, or the
 * site's absolute URL of it) also gets, from the {@link ImageLibrary}:
 * <ul>
 *   <li>{@code width} and {@code height} of the served copy (the other one scaled when the author gave one), so the
 *       page does not jump as images arrive;</li>
 *   <li>{@code srcset} naming each variant, {@code <src-dir>/_w<W>/<path>?v=<version> <W>w} (see
 *       {@link VariantPaths}), and the full copy at its own width; and {@code sizes}, the content column or the
 *       image's own width if narrower; none for an SVG, an animation or an image with no variant;</li>
 *   <li>its average colour as a background while it loads, when it is opaque and known;</li>
 *   <li>when no file is stored at its path, a visible placeholder instead:
 *       {@code <span class="quire-image-missing" title="…">Missing image: …</span>}, reported with
 *       {@link #MISSING_MEDIA} so the host can list broken media.</li>
 * </ul>
 * Other images, and the author's own {@code srcset}, {@code sizes}, {@code width} and {@code height}, are left alone.
 */
public final class ImgTransform implements DocumentTransform {

    /** How each report of a missing file starts, followed by the {@code src} as written and the store path. */
    public static final String MISSING_MEDIA = "missing media: ";
    static final String MISSING_CLASS = "quire-image-missing";

    private final ImageLibrary library;
    private final String mediaPrefix;
    private final Consumer<String> outdated;

    /**
     * @param library     what the media library holds; null in a bare engine, where only loading hints apply
     * @param mediaPrefix the site path the media store is served under, such as {@code /media/}
     */
    public ImgTransform(ImageLibrary library, String mediaPrefix) {
        this(library, mediaPrefix, path -> { });
    }

    /**
     * @param outdated told the store path of each image whose copies are missing or not the ones the settings
     *                 make now; the page meanwhile offers the copies that exist
     */
    public ImgTransform(ImageLibrary library, String mediaPrefix, Consumer<String> outdated) {
        this.library = library;
        this.mediaPrefix = mediaPrefix.endsWith("/") ? mediaPrefix : mediaPrefix + "/";
        this.outdated = outdated;
    }

    @Override
    public void transformTree(Node document, TransformContext context) {
        ImageFigures.wrap(document);
    }

    @Override
    public String transformHtml(String html, TransformContext context) {
        if (!containsImg(html)) {
            return html;
        }
        Document document = new Document(context, Settings.of(context.settings()));
        StringBuilder out = new StringBuilder(html.length() + 512);
        int i = 0;
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                out.append(html, i, html.length());
                break;
            }
            out.append(html, i, lt);
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                int stop = end < 0 ? html.length() : end + 3;
                out.append(html, lt, stop);
                i = stop;
                continue;
            }
            String rawText = rawTextElement(html, lt);
            if (rawText != null) {
                int end = indexOfIgnoreCase(html, "</" + rawText, lt + 1);
                int stop = end < 0 ? html.length() : end;
                out.append(html, lt, stop);
                i = stop;
                if (end >= 0) {
                    out.append("</");
                    i += 2;
                }
                continue;
            }
            if (isImgStart(html, lt)) {
                Tag tag = Tag.parse(html, lt);
                if (tag != null) {
                    out.append(document.rewrite(tag));
                    i = tag.end;
                    continue;
                }
            }
            out.append('<');
            i = lt + 1;
        }
        return out.toString();
    }

    private static boolean containsImg(String html) {
        return indexOfIgnoreCase(html, "<img", 0) >= 0;
    }

    /** The settings a document is rendered with; defaults in a bare engine. */
    private record Settings(List<Integer> widths, int contentWidth, boolean colour) {
        static Settings of(PluginSettings settings) {
            if (settings == null) {
                return new Settings(VariantSettings.DEFAULT.widths(), ImagesPlugin.DEFAULT_CONTENT_WIDTH, true);
            }
            List<Integer> widths;
            try {
                widths = VariantSettings.parseWidths(settings.get(ImagesPlugin.WIDTHS));
            } catch (IllegalArgumentException e) {
                widths = VariantSettings.DEFAULT.widths();
            }
            int contentWidth;
            try {
                contentWidth = Math.max(1, settings.getInt(ImagesPlugin.CONTENT_WIDTH));
            } catch (NumberFormatException e) {
                contentWidth = ImagesPlugin.DEFAULT_CONTENT_WIDTH;
            }
            return new Settings(widths, contentWidth, settings.getBoolean(ImagesPlugin.PLACEHOLDER_COLOUR));
        }
    }

    /** The work on one document. */
    private final class Document {
        private final TransformContext context;
        private final Settings settings;
        private final Optional<SiteInfo> site;
        private int images;

        Document(TransformContext context, Settings settings) {
            this.context = context;
            this.settings = settings;
            this.site = context.site();
        }

        String rewrite(Tag tag) {
            Map<String, String> attributes = tag.attributes;
            boolean first = images++ == 0;
            String src = attributes.get("src");
            MediaReference media = src == null ? null : mediaReference(src);
            if (media != null && library != null) {
                Optional<StoredImage> stored;
                try {
                    stored = library.find(media.storagePath);
                } catch (IOException | RuntimeException e) {
                    context.report(0, "image " + src + ": the media library could not be asked (" + e.getMessage()
                            + "); the image is left as written");
                    stored = null;
                }
                if (stored != null && stored.isEmpty()) {
                    context.report(0, MISSING_MEDIA + src + " (no file '" + media.storagePath
                            + "' in the media library)");
                    return missing(media, attributes.get("alt"));
                }
                if (stored != null && stored.get().info() != null) {
                    responsive(attributes, media, stored.get());
                }
            }
            if (!first) {
                attributes.putIfAbsent("loading", "lazy");
            }
            attributes.putIfAbsent("decoding", "async");
            return tag.write();
        }

        private void responsive(Map<String, String> attributes, MediaReference media, StoredImage image) {
            ImageInfo info = image.info();
            if (info.width() > 0 && info.height() > 0) {
                Integer width = number(attributes.get("width"));
                Integer height = number(attributes.get("height"));
                if (width == null && height == null) {
                    attributes.put("width", Integer.toString(info.width()));
                    attributes.put("height", Integer.toString(info.height()));
                } else if (height == null && !attributes.get("width").contains("%")) {
                    attributes.put("height", Long.toString(Math.round((double) width * info.height() / info.width())));
                } else if (width == null && !attributes.get("height").contains("%")) {
                    attributes.put("width", Long.toString(Math.round((double) height * info.width() / info.height())));
                }
            }
            List<Integer> wanted = VariantMaker.variantWidths(info, settings.widths());
            if (!image.current(wanted)) {
                outdated.accept(image.path());
            }
            // Only a processed image (its record written, colour known) has copies stored, at the widths recorded.
            List<Integer> widths = image.variantWidths() != null ? image.variantWidths() : wanted;
            if (image.colour() != null && !widths.isEmpty() && !attributes.containsKey("srcset")) {
                List<String> candidates = new ArrayList<>();
                String suffix = VariantPaths.suffix(info);
                for (int width : widths) {
                    candidates.add(media.before + "_w" + width + "/" + media.encodedPath + suffix + "?v="
                            + image.version() + " " + width + "w");
                }
                candidates.add(media.before + media.encodedPath + " " + info.width() + "w");
                attributes.put("srcset", String.join(", ", candidates));
                if (!attributes.containsKey("sizes")) {
                    int slot = Math.min(settings.contentWidth(), info.width());
                    attributes.put("sizes", "(max-width: " + slot + "px) 100vw, " + slot + "px");
                }
            }
            if (settings.colour() && image.colour() != null && !info.alpha()) {
                String style = attributes.getOrDefault("style", "").strip();
                if (!style.toLowerCase(Locale.ROOT).contains("background")) {
                    attributes.put("style", (style.isEmpty() || style.endsWith(";") ? style : style + ";")
                            + "background-color:" + image.colour());
                }
            }
        }

        private String missing(MediaReference media, String alt) {
            String shown = alt == null || alt.isBlank() ? media.storagePath : alt.strip() + " (" + media.storagePath + ")";
            return "<span class=\"" + MISSING_CLASS + "\" role=\"img\" title=\""
                    + Tag.escape("Missing image: " + media.storagePath) + "\">" + Tag.escape("Missing image: " + shown)
                    + "</span>";
        }

        /** The media-store path of a {@code src}, and its URL up to and after the media prefix, or null. */
        private MediaReference mediaReference(String src) {
            String url = src.strip();
            int cut = firstIndexOf(url, '?', '#');
            if (cut >= 0) {
                url = url.substring(0, cut);
            }
            String basePath = site.map(SiteInfo::basePath).orElse("");
            String origin = "";
            if (site.isPresent() && !site.get().url().isEmpty() && url.startsWith(site.get().url() + "/")) {
                origin = site.get().url();
                url = url.substring(origin.length());
            }
            String prefix = basePath + mediaPrefix;
            if (!url.startsWith(prefix)) {
                return null;
            }
            String encodedPath = url.substring(prefix.length());
            String storagePath = UrlPaths.decode(encodedPath);
            if (storagePath.isEmpty() || VariantPaths.isReserved(storagePath) || storagePath.contains("..")
                    || storagePath.startsWith("/")) {
                return null;
            }
            // Encoded again in the one way the site encodes paths, so a space or comma cannot split a srcset entry.
            return new MediaReference(origin + prefix, UrlPaths.encodePath(storagePath), storagePath);
        }
    }

    /** A {@code src} into the media library: what comes before the store path, the path as written and decoded. */
    private record MediaReference(String before, String encodedPath, String storagePath) {
    }

    private static Integer number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int firstIndexOf(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static boolean isImgStart(String html, int lt) {
        if (!html.regionMatches(true, lt, "<img", 0, 4) || lt + 4 >= html.length()) {
            return false;
        }
        char next = html.charAt(lt + 4);
        return Character.isWhitespace(next) || next == '/' || next == '>';
    }

    private static final String[] RAW_TEXT_ELEMENTS = {"script", "style", "textarea"};

    private static String rawTextElement(String html, int lt) {
        // Asked at every '<': most are not one of these, and their first letter says so.
        char first = lt + 1 < html.length() ? Character.toLowerCase(html.charAt(lt + 1)) : 0;
        if (first != 's' && first != 't') {
            return null;
        }
        for (String name : RAW_TEXT_ELEMENTS) {
            if (html.regionMatches(true, lt + 1, name, 0, name.length()) && lt + 1 + name.length() < html.length()) {
                char next = html.charAt(lt + 1 + name.length());
                if (Character.isWhitespace(next) || next == '>') {
                    return name;
                }
            }
        }
        return null;
    }

    /** Where {@code needle}, which starts with {@code '<'}, is next in {@code text}, ignoring case; -1 if nowhere. */
    private static int indexOfIgnoreCase(String text, String needle, int from) {
        // Only a '<' can start a match: jumping between them skips the text, where most characters are.
        for (int i = text.indexOf('<', Math.max(0, from)); i >= 0 && i <= text.length() - needle.length();
             i = text.indexOf('<', i + 1)) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** One {@code <img>} start tag: its attributes in order, values unescaped, names in lower case. */
    static final class Tag {
        final Map<String, String> attributes = new LinkedHashMap<>();
        int end;
        boolean selfClosing;

        static Tag parse(String html, int lt) {
            Tag tag = new Tag();
            int i = lt + 4;
            int n = html.length();
            while (i < n) {
                char c = html.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '>') {
                    tag.end = i + 1;
                    return tag;
                } else if (c == '/' && i + 1 < n && html.charAt(i + 1) == '>') {
                    tag.selfClosing = true;
                    tag.end = i + 2;
                    return tag;
                } else if (c == '/') {
                    i++;
                } else {
                    int nameStart = i;
                    while (i < n && !Character.isWhitespace(html.charAt(i)) && "=>/".indexOf(html.charAt(i)) < 0) {
                        i++;
                    }
                    String name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
                    while (i < n && Character.isWhitespace(html.charAt(i))) {
                        i++;
                    }
                    String value = "";
                    if (i < n && html.charAt(i) == '=') {
                        i++;
                        while (i < n && Character.isWhitespace(html.charAt(i))) {
                            i++;
                        }
                        if (i < n && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                            char quote = html.charAt(i);
                            int close = html.indexOf(quote, i + 1);
                            if (close < 0) {
                                return null;
                            }
                            value = html.substring(i + 1, close);
                            i = close + 1;
                        } else {
                            int valueStart = i;
                            while (i < n && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>') {
                                i++;
                            }
                            value = html.substring(valueStart, i);
                        }
                    }
                    tag.attributes.putIfAbsent(name, unescape(value));
                }
            }
            return null;
        }

        String write() {
            StringBuilder out = new StringBuilder("<img");
            attributes.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(escape(value))
                    .append('"'));
            return out.append(selfClosing ? " />" : ">").toString();
        }

        static String escape(String text) {
            StringBuilder out = new StringBuilder(text.length() + 16);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }

        /** Character references as the HTML policy and commonmark write them: named basics and numeric. */
        static String unescape(String text) {
            if (text.indexOf('&') < 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int semi = c == '&' ? text.indexOf(';', i) : -1;
                if (semi > i + 1 && semi - i <= 10) {
                    String entity = text.substring(i + 1, semi);
                    String decoded = switch (entity) {
                        case "amp" -> "&";
                        case "quot" -> "\"";
                        case "apos" -> "'";
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "nbsp" -> "\u00A0";
                        default -> numeric(entity);
                    };
                    if (decoded != null) {
                        out.append(decoded);
                        i = semi + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            }
            return out.toString();
        }

        private static String numeric(String entity) {
            try {
                int code;
                if (entity.startsWith("#x") || entity.startsWith("#X")) {
                    code = Integer.parseInt(entity.substring(2), 16);
                } else if (entity.startsWith("#")) {
                    code = Integer.parseInt(entity.substring(1));
                } else {
                    return null;
                }
                return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
