package org.quire.plugin.images;

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
 */
public record StoredImage(String path, String version, ImageInfo info, String colour, String lqip) {
}
