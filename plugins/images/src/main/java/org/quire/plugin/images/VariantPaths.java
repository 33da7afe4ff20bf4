package org.quire.plugin.images;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where variants live, in the media store and so on the site. For an image stored at {@code 2026/11/photo.jpg}
 * (served at {@code /media/2026/11/photo.jpg}):
 * <ul>
 *   <li>the variant {@code W} pixels wide is stored at {@code _w{W}/2026/11/photo.jpg} and served at
 *       {@code /media/_w{W}/2026/11/photo.jpg}, in the original's format;</li>
 *   <li>a WebP original's variants are written as PNG (when the image may be transparent) or JPEG (when not),
 *       because no maintained pure-Java WebP encoder exists; their path gets that format's extension:
 *       {@code _w960/2026/11/photo.webp.jpg};</li>
 *   <li>what {@link VariantMaker} learnt about the image (size, colour, preview) is kept at
 *       {@code _images/2026/11/photo.jpg.properties} (see {@link ImageRecord}).</li>
 * </ul>
 * Pages add {@code ?v=<version>} to variant URLs, the version changing whenever the original does, so variants can
 * be served with {@code Cache-Control: public, max-age=31536000, immutable}.
 *
 * <p>Every top-level folder starting with {@code _} is reserved for these: the host must refuse uploads there.
 */
public final class VariantPaths {

    /** The first character of every folder the plugin writes. */
    public static final String RESERVED = "_";
    static final String RECORDS = "_images/";
    private static final Pattern VARIANT = Pattern.compile("_w([1-9][0-9]{1,3})/(.+)");

    private VariantPaths() {
    }

    /**
     * A variant as a request names it.
     *
     * @param width        the requested width
     * @param originalPath the stored original it is made from
     * @param type         the format it is written in
     */
    public record Variant(int width, String originalPath, ImageType type) {
    }

    /** The storage path of the variant {@code width} pixels wide of the image stored at {@code originalPath}. */
    public static String variantPath(String originalPath, int width, ImageInfo info) {
        return "_w" + width + "/" + originalPath + suffix(info);
    }

    /** What a variant's path adds after the original's: nothing, or the extension of the format it is converted to. */
    static String suffix(ImageInfo info) {
        ImageType written = VariantMaker.variantType(info);
        return written == info.type() ? "" : "." + written.extension();
    }

    /**
     * Reads a storage path such as {@code _w960/2026/11/photo.jpg} back into what it names, so the host can make a
     * missing variant on demand. The format is inferred from the extension; a WebP original is recognised by its
     * {@code .webp} name (the host names stored files by their detected type).
     */
    public static Optional<Variant> parse(String storagePath) {
        Matcher m = VARIANT.matcher(storagePath);
        if (!m.matches()) {
            return Optional.empty();
        }
        int width = Integer.parseInt(m.group(1));
        String rest = m.group(2);
        String lower = rest.toLowerCase(Locale.ROOT);
        for (ImageType converted : new ImageType[] {ImageType.JPEG, ImageType.PNG}) {
            String suffix = "." + converted.extension();
            if (lower.endsWith(".webp" + suffix)) {
                return Optional.of(new Variant(width, rest.substring(0, rest.length() - suffix.length()), converted));
            }
        }
        return typeByName(lower).map(type -> new Variant(width, rest, type));
    }

    /** Where the facts about the image stored at {@code originalPath} are kept. */
    public static String recordPath(String originalPath) {
        return RECORDS + originalPath + ".properties";
    }

    /** Whether a storage path is one the plugin writes (variants, records), not an upload. */
    public static boolean isReserved(String storagePath) {
        return storagePath.startsWith(RESERVED);
    }

    private static Optional<ImageType> typeByName(String lowerName) {
        if (lowerName.endsWith(".jpg") || lowerName.endsWith(".jpeg")) {
            return Optional.of(ImageType.JPEG);
        }
        for (ImageType type : ImageType.values()) {
            if (type.raster() && lowerName.endsWith("." + type.extension())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
