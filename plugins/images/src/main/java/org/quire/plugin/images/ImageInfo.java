package org.quire.plugin.images;

import java.util.Objects;

/**
 * What {@link ImageInspector} learnt about an image from its header, without decoding a pixel.
 *
 * @param type        the format, by content
 * @param width       the width of the stored pixels; for SVG its declared width, or 0 when it declares none
 * @param height      the height of the stored pixels, as {@code width}
 * @param orientation the EXIF orientation, 1 (as stored) to 8; always 1 for formats Quire does not rotate (see
 *                    {@link VariantMaker})
 * @param animated    whether the image has more than one frame (GIF, animated PNG or animated WebP)
 * @param alpha       whether the image may have transparent pixels
 */
public record ImageInfo(ImageType type, int width, int height, int orientation, boolean animated, boolean alpha) {

    public ImageInfo {
        Objects.requireNonNull(type, "type");
        if (orientation < 1 || orientation > 8) {
            orientation = 1;
        }
    }

    /** Whether applying the orientation swaps width and height (orientations 5 to 8 turn the image a quarter). */
    public boolean quarterTurned() {
        return orientation >= 5;
    }

    /** The width a reader sees once the orientation is applied. */
    public int displayWidth() {
        return quarterTurned() ? height : width;
    }

    /** The height a reader sees once the orientation is applied. */
    public int displayHeight() {
        return quarterTurned() ? width : height;
    }

    public long pixels() {
        return (long) width * height;
    }
}
