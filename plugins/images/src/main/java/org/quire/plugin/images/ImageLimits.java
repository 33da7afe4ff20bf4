package org.quire.plugin.images;

/**
 * What an uploaded image may be. Every limit is checked from the header, before a pixel is decoded, so a small
 * file that claims a huge canvas (a decompression bomb) is refused without the memory it would take.
 *
 * @param maxBytes  bytes per file
 * @param maxWidth  pixels across, as stored
 * @param maxHeight pixels down, as stored
 * @param maxPixels width times height; what decoding costs is about four bytes per pixel
 */
public record ImageLimits(long maxBytes, int maxWidth, int maxHeight, long maxPixels) {

    /** 25 MiB, 16384 × 16384 and 40 megapixels: a 6000 × 4000 camera photo passes, a 50000 × 50000 bomb does not. */
    public static final ImageLimits DEFAULT = new ImageLimits(25L * 1024 * 1024, 16384, 16384, 40_000_000L);

    public ImageLimits {
        if (maxBytes <= 0 || maxWidth <= 0 || maxHeight <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("image limits must be positive: " + maxBytes + " bytes, "
                    + maxWidth + " × " + maxHeight + ", " + maxPixels + " pixels");
        }
    }
}
