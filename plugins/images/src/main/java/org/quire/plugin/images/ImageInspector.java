package org.quire.plugin.images;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.jpeg.JpegReader;

/**
 * Tells what an image is from its content and checks it against the {@link ImageLimits}, reading only headers: the
 * magic bytes give the type, the frame header (JPEG), {@code IHDR} (PNG), logical screen (GIF) or {@code VP8}/
 * {@code VP8L}/{@code VP8X} chunk (WebP) the dimensions, and EXIF (read by metadata-extractor) the orientation.
 * Not one pixel is decoded, so a file of a few kilobytes that claims 50000 × 50000 pixels is refused in
 * microseconds and without memory.
 *
 * <p>The file name is used only in messages: a {@code .jpg} that holds HTML is refused as HTML.
 *
 * <p>Immutable and thread-safe.
 */
public final class ImageInspector {

    /** How much of a file is read to recognise it. */
    static final int MAGIC_LENGTH = 4096;

    private final ImageLimits limits;
    private final SvgSanitizer svg = new SvgSanitizer();

    public ImageInspector(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ImageLimits limits() {
        return limits;
    }

    /**
     * Checks a whole file, as uploaded or imported: its size, its type, its dimensions. An SVG is parsed (securely,
     * see {@link SvgSanitizer}) for its declared size; whether it is safe is {@link SvgSanitizer}'s question.
     *
     * @param name the file name or path, for messages
     * @throws ImageRejectedException naming the file and the limit or the problem
     */
    public ImageInfo inspect(String name, byte[] content) throws ImageRejectedException {
        checkSize(name, content.length);
        try {
            return inspect(name, new ByteArrayInputStream(content), content.length);
        } catch (IOException e) {
            throw new ImageRejectedException(name, "could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a file from a stream, reading no more of it than its headers need (except a GIF, whose frames are
     * walked, not decoded, to tell whether it is animated). The caller closes the stream.
     *
     * @param size the file's size in bytes, or a negative number when unknown (then the byte limit is not checked)
     * @throws ImageRejectedException naming the file and the limit or the problem
     * @throws IOException when the stream fails
     */
    public ImageInfo inspect(String name, InputStream content, long size) throws ImageRejectedException, IOException {
        if (size >= 0) {
            checkSize(name, size);
        }
        BufferedInputStream in = new BufferedInputStream(content, 8192);
        in.mark(MAGIC_LENGTH);
        byte[] head = in.readNBytes(MAGIC_LENGTH);
        in.reset();
        ImageType type = detect(head).orElseThrow(() -> new ImageRejectedException(name, notAnImage(head)));
        ImageInfo info;
        try {
            info = switch (type) {
                case JPEG -> jpeg(name, in);
                case PNG -> png(name, new DataInputStream(in));
                case GIF -> gif(new DataInputStream(in));
                case WEBP -> webp(name, new DataInputStream(in));
                case SVG -> svg.declaredSize(name, in.readAllBytes());
            };
        } catch (EOFException e) {
            throw new ImageRejectedException(name, "is cut short: the " + type + " header ends early", e);
        }
        checkDimensions(name, info);
        return info;
    }

    /** The type the content says it is, from its first bytes (at least 32, or {@link #MAGIC_LENGTH} for SVG). */
    public static Optional<ImageType> detect(byte[] head) {
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(ImageType.JPEG);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(ImageType.PNG);
        }
        if (startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(ImageType.GIF);
        }
        if (head.length >= 16 && startsWith(head, 'R', 'I', 'F', 'F') && head[8] == 'W' && head[9] == 'E'
                && head[10] == 'B' && head[11] == 'P') {
            return Optional.of(ImageType.WEBP);
        }
        String text = leadingText(head);
        if (text.startsWith("<") && text.contains("<svg") && !looksLikeHtml(text)) {
            return Optional.of(ImageType.SVG);
        }
        return Optional.empty();
    }

    private void checkSize(String name, long size) throws ImageRejectedException {
        if (size > limits.maxBytes()) {
            throw new ImageRejectedException(name, "is " + bytes(size) + "; the limit is " + bytes(limits.maxBytes())
                    + " per file");
        }
        if (size == 0) {
            throw new ImageRejectedException(name, "is empty");
        }
    }

    private void checkDimensions(String name, ImageInfo info) throws ImageRejectedException {
        if (info.type() == ImageType.SVG) {
            return;
        }
        if (info.width() <= 0 || info.height() <= 0) {
            throw new ImageRejectedException(name, "declares " + info.width() + " × " + info.height()
                    + " pixels; a " + info.type() + " needs a width and height of at least 1");
        }
        if (info.width() > limits.maxWidth()) {
            throw new ImageRejectedException(name, "is " + count(info.width()) + " pixels wide; the limit is "
                    + count(limits.maxWidth()));
        }
        if (info.height() > limits.maxHeight()) {
            throw new ImageRejectedException(name, "is " + count(info.height()) + " pixels high; the limit is "
                    + count(limits.maxHeight()));
        }
        if (info.pixels() > limits.maxPixels()) {
            throw new ImageRejectedException(name, "is " + count(info.width()) + " × " + count(info.height()) + " = "
                    + count(info.pixels()) + " pixels; the limit is " + count(limits.maxPixels()) + " pixels");
        }
    }

    private static ImageInfo jpeg(String name, InputStream in) throws ImageRejectedException, IOException {
        Metadata metadata;
        try {
            // Reads segment by segment up to the start of the scan: the compressed pixels are never reached.
            metadata = JpegMetadataReader.readMetadata(in, List.of(new JpegReader(), new ExifReader()));
        } catch (JpegProcessingException e) {
            throw new ImageRejectedException(name, "is not a readable JPEG: " + e.getMessage(), e);
        }
        JpegDirectory frame = metadata.getFirstDirectoryOfType(JpegDirectory.class);
        if (frame == null || !frame.containsTag(JpegDirectory.TAG_IMAGE_WIDTH)) {
            throw new ImageRejectedException(name, "is not a readable JPEG: it has no frame header (SOF)");
        }
        int width = frame.getInteger(JpegDirectory.TAG_IMAGE_WIDTH);
        int height = frame.getInteger(JpegDirectory.TAG_IMAGE_HEIGHT);
        return new ImageInfo(ImageType.JPEG, width, height, orientation(metadata), false, false);
    }

    private static int orientation(Metadata metadata) {
        for (ExifIFD0Directory ifd0 : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
            Integer value = ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            if (value != null && value >= 1 && value <= 8) {
                return value;
            }
        }
        return 1;
    }

    /** Walks the chunks up to the first {@code IDAT}: the header chunks PNG requires to come first. */
    private static ImageInfo png(String name, DataInputStream in) throws ImageRejectedException, IOException {
        in.skipNBytes(8);
        int length = in.readInt();
        int chunk = in.readInt();
        if (chunk != PngChunks.IHDR || length != 13) {
            throw new ImageRejectedException(name, "is not a readable PNG: it does not start with an IHDR chunk");
        }
        long width = in.readInt() & 0xFFFFFFFFL;
        long height = in.readInt() & 0xFFFFFFFFL;
        in.readUnsignedByte();
        int colourType = in.readUnsignedByte();
        in.skipNBytes(3 + 4);
        boolean alpha = colourType == 4 || colourType == 6;
        boolean animated = false;
        int orientation = 1;
        while (true) {
            length = in.readInt();
            chunk = in.readInt();
            if (length < 0) {
                throw new ImageRejectedException(name, "is not a readable PNG: a chunk claims more than 2 GB");
            }
            if (chunk == PngChunks.IDAT || chunk == PngChunks.IEND) {
                break;
            }
            if (chunk == PngChunks.TRNS) {
                alpha = true;
            } else if (chunk == PngChunks.ACTL) {
                animated = in.readInt() > 1;
                length -= 4;
            } else if (chunk == PngChunks.EXIF && length <= 1 << 20) {
                byte[] exif = in.readNBytes(length);
                length = 0;
                orientation = exifOrientation(exif);
            }
            in.skipNBytes(length + 4L);
        }
        return new ImageInfo(ImageType.PNG, clamp(width), clamp(height), orientation, animated, alpha);
    }

    private static int exifOrientation(byte[] tiff) {
        Metadata metadata = new Metadata();
        new ExifReader().extract(new ByteArrayReader(tiff), metadata);
        return orientation(metadata);
    }

    private static ImageInfo gif(DataInputStream in) throws IOException {
        GifBlocks.Summary summary = GifBlocks.summarise(in);
        return new ImageInfo(ImageType.GIF, summary.width(), summary.height(), 1, summary.frames() > 1,
                summary.transparency());
    }

    private static ImageInfo webp(String name, DataInputStream in) throws ImageRejectedException, IOException {
        in.skipNBytes(12);
        byte[] fourCc = in.readNBytes(4);
        in.skipNBytes(4);
        String chunk = new String(fourCc, StandardCharsets.US_ASCII);
        byte[] data = in.readNBytes(10);
        if (data.length < 10) {
            throw new EOFException();
        }
        switch (chunk) {
            case "VP8X" -> {
                int flags = data[0] & 0xFF;
                int width = 1 + (data[4] & 0xFF | (data[5] & 0xFF) << 8 | (data[6] & 0xFF) << 16);
                int height = 1 + (data[7] & 0xFF | (data[8] & 0xFF) << 8 | (data[9] & 0xFF) << 16);
                return new ImageInfo(ImageType.WEBP, width, height, 1, (flags & 0x02) != 0, (flags & 0x10) != 0);
            }
            case "VP8L" -> {
                if ((data[0] & 0xFF) != 0x2F) {
                    throw new ImageRejectedException(name, "is not a readable WebP: bad lossless signature");
                }
                long bits = (data[1] & 0xFFL) | (data[2] & 0xFFL) << 8 | (data[3] & 0xFFL) << 16 | (data[4] & 0xFFL) << 24;
                int width = 1 + (int) (bits & 0x3FFF);
                int height = 1 + (int) ((bits >> 14) & 0x3FFF);
                boolean alpha = ((bits >> 28) & 1) == 1;
                return new ImageInfo(ImageType.WEBP, width, height, 1, false, alpha);
            }
            case "VP8 " -> {
                if ((data[3] & 0xFF) != 0x9D || (data[4] & 0xFF) != 0x01 || (data[5] & 0xFF) != 0x2A) {
                    throw new ImageRejectedException(name, "is not a readable WebP: bad key frame start code");
                }
                int width = (data[6] & 0xFF | (data[7] & 0xFF) << 8) & 0x3FFF;
                int height = (data[8] & 0xFF | (data[9] & 0xFF) << 8) & 0x3FFF;
                return new ImageInfo(ImageType.WEBP, width, height, 1, false, false);
            }
            default -> throw new ImageRejectedException(name, "is not a readable WebP: its first chunk is '"
                    + chunk.strip() + "', not VP8, VP8L or VP8X");
        }
    }

    private static int clamp(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    private static String notAnImage(byte[] head) {
        String text = leadingText(head);
        String what;
        if (looksLikeHtml(text)) {
            what = "it is HTML";
        } else if (text.startsWith("<")) {
            what = "it is XML or text but not an SVG image";
        } else if (startsWith(head, '%', 'P', 'D', 'F')) {
            what = "it is a PDF";
        } else if (startsWith(head, 'P', 'K', 3, 4)) {
            what = "it is a zip archive";
        } else {
            what = "its content is none of them";
        }
        return "is not an image Quire accepts (JPEG, PNG, GIF, WebP or SVG, recognised by content, not by name): "
                + what;
    }

    private static boolean looksLikeHtml(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<head")
                || lower.contains("<body") || lower.contains("<script") && !lower.contains("<svg");
    }

    /** The head as text: a byte-order mark, whitespace, the XML declaration and comments skipped. */
    private static String leadingText(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.stripLeading();
        while (true) {
            if (text.startsWith("<?xml")) {
                int end = text.indexOf("?>");
                text = end < 0 ? "" : text.substring(end + 2).stripLeading();
            } else if (text.startsWith("<!--")) {
                int end = text.indexOf("-->");
                text = end < 0 ? "" : text.substring(end + 3).stripLeading();
            } else {
                return text;
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }

    static String bytes(long size) {
        if (size < 1024) {
            return size + " bytes";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", size / (1024.0 * 1024));
    }
}
