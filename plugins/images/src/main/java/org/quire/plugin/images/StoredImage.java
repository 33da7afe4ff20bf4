package org.quire.plugin.images;

import java.util.List;

/**
 * A file in the media library as the img transform needs it.
 *
 * @param path    its path in the media store, such as {@code 2026/11/photo.jpg}
 * @param version a short token that changes whenever the file is replaced; pages add it to variant URLs so those
 *                can be cached for ever
 * @param info    what the served copy is (displayed size, no orientation left to apply), or null when the file
 *                is not an image Quire can read
 * @param colour  its average colour as {@code #rrggbb}, or null when not yet processed
 * @param lqip    a tiny preview as a {@code data:} URI, or null when not yet processed
 * @param variantWidths the widths of the smaller copies stored, or null when not known (not yet processed, or a
 *                record written before widths were recorded)
 */
public record StoredImage(String path, String version, ImageInfo info, String colour, String lqip,
                          List<Integer> variantWidths) {

    public StoredImage {
        variantWidths = variantWidths == null ? null : List.copyOf(variantWidths);
    }

    public StoredImage(String path, String version, ImageInfo info, String colour, String lqip) {
        this(path, version, info, colour, lqip, null);
    }

    /** Processed, with the copies {@code wanted} names (what the settings make of this image now). */
    public boolean current(List<Integer> wanted) {
        return wanted.equals(variantWidths);
    }
}
