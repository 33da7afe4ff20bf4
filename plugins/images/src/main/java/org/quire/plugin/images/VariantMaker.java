package org.quire.plugin.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Turns an accepted upload into what the site serves: a full copy without metadata, smaller variants, and a
 * placeholder colour and preview.
 *
 * <p><b>The full copy</b> (stored at the original's path) never carries EXIF, GPS, XMP, comments or text chunks:
 * <ul>
 *   <li>when nothing needs rotating, metadata is removed losslessly, segment by segment ({@link MetadataStripper}),
 *       so the photo keeps its exact quality, a GIF or PNG its animation, and no pixel is decoded;</li>
 *   <li>a JPEG or PNG with an EXIF orientation other than 1 is decoded, turned upright and re-encoded (JPEG at
 *       {@link VariantSettings#fullQuality()}), since dropping EXIF would drop the rotation with it;</li>
 *   <li>a WebP keeps its pixels as stored: its orientation is not applied (WebP encoders rarely write one, and the
 *       full copy cannot be re-encoded as WebP), and its variants follow the stored pixels so all copies agree;</li>
 *   <li>an SVG is cleaned by {@link SvgSanitizer} instead.</li>
 * </ul>
 *
 * <p><b>Variants</b> are made at each configured width below the displayed width (never upscaled: an image no wider
 * than a configured width has no variant of that width; its full copy serves it). They are written in the
 * original's format (JPEG at {@link VariantSettings#jpegQuality()}, PNG keeping transparency, GIF), except WebP,
 * which ImageIO cannot write: its variants are PNG when the image may be transparent, JPEG otherwise. An animated
 * GIF, PNG or WebP gets no variants, since a variant would hold its first frame only and a reader on a small screen
 * would see a still picture; its full copy is the original animation without metadata.
 *
 * <p><b>Memory</b> stays bounded: limits are checked from the header before anything is decoded, and a large image
 * is decoded with ImageIO subsampling to about twice the widest variant it needs, so a 6000 × 4000 JPEG whose
 * widest variant is 1600 is decoded whole but a 12000 × 3000 panorama at a third. Only a rotated full copy needs
 * the whole image decoded.
 *
 * <p>Immutable and thread-safe.
 */
public final class VariantMaker {

    private final ImageInspector inspector;
    private final SvgSanitizer svg = new SvgSanitizer();
    private final VariantSettings settings;

    public VariantMaker(ImageLimits limits, VariantSettings settings) {
        this.inspector = new ImageInspector(limits);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public VariantSettings settings() {
        return settings;
    }

    public ImageInspector inspector() {
        return inspector;
    }

    /**
     * Checks and processes an upload.
     *
     * @param path     where the original is (or will be) stored, relative to the media store; it names the files
     *                 in messages and gives the variants' paths
     * @param original the uploaded bytes
     * @throws ImageRejectedException when the file is not an accepted image or is over a limit
     */
    public ProcessedImage make(String path, byte[] original) throws ImageRejectedException {
        ImageInfo info = inspector.inspect(path, original);
        if (info.type() == ImageType.SVG) {
            SvgSanitizer.CleanSvg clean = svg.sanitize(path, original);
            Rendition full = new Rendition(path, ImageType.SVG, info.width(), info.height(), clean.bytes());
            return new ProcessedImage(info, full, List.of(), null, null, clean.removed());
        }
        boolean rotate = info.orientation() != 1 && info.type() != ImageType.WEBP;
        List<Integer> widths = variantWidths(info, settings.widths());
        int widest = widths.isEmpty() ? 4 * settings.lqipWidth() : widths.get(widths.size() - 1);
        BufferedImage decoded = Codecs.decode(path, original, info.type(), rotate ? 1 : subsampling(info, widest));

        Rendition full;
        if (rotate) {
            BufferedImage upright = orient(decoded, info);
            float quality = settings.fullQuality();
            full = new Rendition(path, info.type(), upright.getWidth(), upright.getHeight(),
                    Codecs.encode(upright, info.type(), quality));
        } else {
            full = new Rendition(path, info.type(), displayWidth(info), displayHeight(info),
                    MetadataStripper.strip(path, info.type(), original));
        }

        List<Rendition> variants = new ArrayList<>();
        for (int width : widths) {
            variants.add(variant(path, info, decoded, width));
        }
        BufferedImage tiny = resize(decoded, info, settings.lqipWidth());
        return new ProcessedImage(info, full, variants, averageColour(tiny), lqip(tiny, info), List.of());
    }

    /**
     * The copy to store and serve in place of an upload: upright, with no location, camera or other metadata left;
     * the original bytes when there was nothing to remove. Only the header is read unless the image must be turned.
     *
     * @throws ImageRejectedException when the file is not an accepted image or is over a limit
     */
    public byte[] clean(String path, byte[] original) throws ImageRejectedException {
        ImageInfo info = inspector.inspect(path, original);
        if (info.type() == ImageType.SVG) {
            return svg.sanitize(path, original).bytes();
        }
        if (info.orientation() != 1 && info.type() != ImageType.WEBP) {
            BufferedImage upright = orient(Codecs.decode(path, original, info.type(), 1), info);
            return Codecs.encode(upright, info.type(), settings.fullQuality());
        }
        return MetadataStripper.strip(path, info.type(), original);
    }

    /**
     * Makes one variant, for a host that finds it missing when it is requested.
     *
     * @throws IllegalArgumentException when {@code width} is not a variant this image has (not configured, or not
     *                                  below its width): the host should answer 404
     */
    public Rendition makeVariant(String path, byte[] original, int width) throws ImageRejectedException {
        ImageInfo info = inspector.inspect(path, original);
        if (!info.type().raster()) {
            throw new IllegalArgumentException(path + ": an SVG has no variants");
        }
        List<Integer> widths = variantWidths(info, settings.widths());
        if (!widths.contains(width)) {
            throw new IllegalArgumentException(path + ": " + width + " is not one of its variant widths " + widths);
        }
        BufferedImage decoded = Codecs.decode(path, original, info.type(), subsampling(info, width));
        return variant(path, info, decoded, width);
    }

    /**
     * The variant widths an image gets: each configured width below its displayed width, none for an animation or
     * an SVG. The img transform and the host use this too, so pages name exactly the variants that exist or will.
     */
    public static List<Integer> variantWidths(ImageInfo info, List<Integer> configured) {
        if (!info.type().raster() || info.animated()) {
            return List.of();
        }
        int displayWidth = displayWidth(info);
        return configured.stream().filter(w -> w < displayWidth).sorted().toList();
    }

    /** The format variants of this image are written in. */
    public static ImageType variantType(ImageInfo info) {
        return writtenAs(info.type(), info.alpha());
    }

    static ImageType writtenAs(ImageType type, boolean alpha) {
        if (type == ImageType.WEBP) {
            return alpha ? ImageType.PNG : ImageType.JPEG;
        }
        return type;
    }

    private Rendition variant(String path, ImageInfo info, BufferedImage decoded, int width) {
        BufferedImage scaled = resize(decoded, info, width);
        ImageType type = variantType(info);
        return new Rendition(VariantPaths.variantPath(path, width, info), type, scaled.getWidth(), scaled.getHeight(),
                Codecs.encode(scaled, type, settings.jpegQuality()));
    }

    /** Scales to {@code width} as displayed, then turns upright, so rotation works on the small image. */
    private static BufferedImage resize(BufferedImage decoded, ImageInfo info, int width) {
        boolean rotate = info.orientation() != 1 && info.type() != ImageType.WEBP;
        boolean turned = rotate && info.quarterTurned();
        int displayWidth = turned ? decoded.getHeight() : decoded.getWidth();
        int displayHeight = turned ? decoded.getWidth() : decoded.getHeight();
        int targetWidth = Math.min(width, displayWidth);
        int targetHeight = Math.max(1, (int) Math.round((double) displayHeight * targetWidth / displayWidth));
        try {
            BufferedImage scaled = Thumbnails.of(decoded)
                    .forceSize(turned ? targetHeight : targetWidth, turned ? targetWidth : targetHeight)
                    .imageType(decoded.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB
                            : BufferedImage.TYPE_INT_RGB)
                    .asBufferedImage();
            return rotate ? orient(scaled, info) : scaled;
        } catch (IOException e) {
            throw new IllegalStateException("resizing in memory failed", e);
        }
    }

    private static BufferedImage orient(BufferedImage image, ImageInfo info) {
        if (info.orientation() == 1 || info.type() == ImageType.WEBP) {
            return image;
        }
        return ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(info.orientation())).apply(image);
    }

    private static int subsampling(ImageInfo info, int widestNeeded) {
        int along = info.type() != ImageType.WEBP && info.quarterTurned() ? info.height() : info.width();
        return Math.max(1, along / (2 * Math.max(1, widestNeeded)));
    }

    private static int displayWidth(ImageInfo info) {
        return info.type() == ImageType.WEBP ? info.width() : info.displayWidth();
    }

    private static int displayHeight(ImageInfo info) {
        return info.type() == ImageType.WEBP ? info.height() : info.displayHeight();
    }

    /** The mean of the visible colour, each pixel weighted by its opacity; white for a wholly transparent image. */
    static String averageColour(BufferedImage image) {
        long red = 0;
        long green = 0;
        long blue = 0;
        long weight = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                red += (long) ((argb >> 16) & 0xFF) * alpha;
                green += (long) ((argb >> 8) & 0xFF) * alpha;
                blue += (long) (argb & 0xFF) * alpha;
                weight += alpha;
            }
        }
        if (weight == 0) {
            return "#ffffff";
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round((double) red / weight),
                Math.round((double) green / weight), Math.round((double) blue / weight));
    }

    private String lqip(BufferedImage tiny, ImageInfo info) {
        ImageType type = info.alpha() && tiny.getColorModel().hasAlpha() ? ImageType.PNG : ImageType.JPEG;
        byte[] bytes = Codecs.encode(tiny, type, 0.6f);
        return "data:" + type.mediaType() + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
