package org.quire.plugin.images;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decoding and encoding through ImageIO: TwelveMonkeys for JPEG (CMYK, broken files) and WebP (read only), the
 * JDK for PNG and GIF. Streams are memory-backed, never ImageIO's temporary files, and no metadata is read or
 * written.
 */
final class Codecs {

    static {
        // ImageIO finds readers with the thread's context class loader; a plugin has its own, so name it here.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            thread.setContextClassLoader(Codecs.class.getClassLoader());
            ImageIO.scanForPlugins();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Codecs() {
    }

    /**
     * Decodes the first frame, keeping one pixel in {@code subsampling} each way, so a large image costs
     * {@code 1 / subsampling²} of its full memory.
     */
    static BufferedImage decode(String name, byte[] bytes, ImageType type, int subsampling)
            throws ImageRejectedException {
        ImageReader reader = reader(name, type);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            ImageReadParam param = reader.getDefaultReadParam();
            if (subsampling > 1) {
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            }
            return reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException(name, "could not be decoded as " + type + ": " + e.getMessage(), e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(String name, ImageType type) throws ImageRejectedException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName(type));
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (chosen == null || candidate.getClass().getName().startsWith("com.twelvemonkeys.")) {
                chosen = candidate;
            }
        }
        if (chosen == null) {
            throw new ImageRejectedException(name, "cannot be decoded here: no ImageIO reader for " + type);
        }
        return chosen;
    }

    static byte[] encode(BufferedImage image, ImageType type, float jpegQuality) {
        try {
            return switch (type) {
                case JPEG -> jpeg(opaque(image), jpegQuality);
                case PNG, GIF -> plain(image, formatName(type));
                default -> throw new IllegalArgumentException("Quire does not write " + type);
            };
        } catch (IOException e) {
            throw new IllegalStateException("encoding " + type + " in memory failed", e);
        }
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (param instanceof JPEGImageWriteParam jpegParam) {
                jpegParam.setOptimizeHuffmanTables(true);
            }
            // No metadata is passed, so the file carries a bare JFIF header and nothing else.
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] plain(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, bytes)) {
            throw new IOException("no ImageIO writer for " + format + " accepts this image");
        }
        return bytes.toByteArray();
    }

    /** JPEG has no alpha: transparent pixels are laid on white, as a page would show them. */
    static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static String formatName(ImageType type) {
        return switch (type) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            case WEBP -> "webp";
            case SVG -> "svg";
        };
    }
}
