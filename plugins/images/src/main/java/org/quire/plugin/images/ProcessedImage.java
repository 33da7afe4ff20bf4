package org.quire.plugin.images;

import java.util.List;

/**
 * What {@link VariantMaker} made of an uploaded image.
 *
 * @param original what the upload was, as {@link ImageInspector} read it (stored pixels, EXIF orientation)
 * @param full     the copy to store at the original path and serve: metadata removed, orientation applied
 * @param variants smaller copies, narrowest first; empty for SVG, animations and images no wider than the smallest
 *                 configured width
 * @param colour   the average colour as {@code #rrggbb}, for a placeholder; null for SVG
 * @param lqip     a tiny blurred preview as a {@code data:} URI; null for SVG
 * @param removed  what sanitising removed from an SVG, for a message to the uploader; empty otherwise
 */
public record ProcessedImage(ImageInfo original, Rendition full, List<Rendition> variants, String colour, String lqip,
                             List<String> removed) {

    public ProcessedImage {
        variants = List.copyOf(variants);
        removed = List.copyOf(removed);
    }

    /** The served image as {@link ImageLibrary} describes it: displayed size, no rotation left to apply. */
    public ImageInfo served() {
        return new ImageInfo(original.type(), full.width(), full.height(), 1, original.animated(), original.alpha());
    }
}
