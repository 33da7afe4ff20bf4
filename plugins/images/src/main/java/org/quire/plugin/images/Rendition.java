package org.quire.plugin.images;

/**
 * One file made from an image: its full copy or a variant.
 *
 * @param path   where to store it, relative to the media store (see {@link VariantPaths})
 * @param type   its format, which gives the content type to store and serve it with
 * @param width  its width as displayed (orientation applied); 0 for an SVG without a declared size
 * @param height its height as displayed
 */
public record Rendition(String path, ImageType type, int width, int height, byte[] bytes) {

    public String contentType() {
        return type.mediaType();
    }
}
