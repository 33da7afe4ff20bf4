package org.quire.plugin.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The facts {@link VariantMaker} learnt about a stored image, kept beside it at
 * {@link VariantPaths#recordPath(String)} as a small properties file, so a page can be rendered without decoding
 * (or even opening) the image. Plain text, so an administrator can read it.
 */
final class ImageRecord {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private ImageRecord() {
    }

    static byte[] write(String version, ProcessedImage image) {
        ImageInfo served = image.served();
        Properties properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("type", served.type().name());
        properties.setProperty("width", Integer.toString(served.width()));
        properties.setProperty("height", Integer.toString(served.height()));
        properties.setProperty("animated", Boolean.toString(served.animated()));
        properties.setProperty("alpha", Boolean.toString(served.alpha()));
        if (image.colour() != null) {
            properties.setProperty("colour", image.colour());
        }
        if (image.lqip() != null) {
            properties.setProperty("lqip", image.lqip());
        }
        properties.setProperty("widths", image.variants().stream().map(Rendition::width).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            properties.store(out, "Written by the images plugin; remade when the image changes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return null when the record is unreadable, so the image is inspected instead */
    static StoredImage read(String path, byte[] bytes) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1));
            ImageInfo info = new ImageInfo(ImageType.valueOf(properties.getProperty("type")),
                    Integer.parseInt(properties.getProperty("width")), Integer.parseInt(properties.getProperty("height")),
                    1, Boolean.parseBoolean(properties.getProperty("animated")),
                    Boolean.parseBoolean(properties.getProperty("alpha")));
            String colour = properties.getProperty("colour");
            String lqip = properties.getProperty("lqip");
            String widths = properties.getProperty("widths");
            return new StoredImage(path, properties.getProperty("version", ""), info,
                    colour != null && COLOUR.matcher(colour).matches() ? colour : null,
                    lqip != null && lqip.startsWith("data:image/") ? lqip : null,
                    widths == null ? null : widths.isEmpty() ? List.of()
                            : Arrays.stream(widths.split(",")).map(String::strip).map(Integer::valueOf).toList());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
