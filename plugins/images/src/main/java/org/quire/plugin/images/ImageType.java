package org.quire.plugin.images;

/** The image formats Quire accepts, told apart by their content, never by a file name. */
public enum ImageType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    GIF("image/gif", "gif"),
    WEBP("image/webp", "webp"),
    /** Accepted only after {@link SvgSanitizer} has cleaned it. */
    SVG("image/svg+xml", "svg");

    private final String mediaType;
    private final String extension;

    ImageType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The content type to serve it with. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without a dot. */
    public String extension() {
        return extension;
    }

    public boolean raster() {
        return this != SVG;
    }
}
