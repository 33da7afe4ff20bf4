package org.quire.plugin.images;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Removes metadata from an image without re-encoding it, so the served copy loses no quality and needs no memory
 * for pixels. Each format keeps a short list of what affects how the image looks and drops everything else, so
 * metadata in a segment nobody thought of is dropped too:
 * <ul>
 *   <li>JPEG keeps its coding segments, {@code APP0} JFIF, {@code APP2} ICC profile and {@code APP14} Adobe (which
 *       says how to read its colours); it drops {@code APP1} (EXIF with GPS and camera serial, XMP), every other
 *       {@code APPn} and comments, wherever they stand, between scans too.</li>
 *   <li>PNG: see {@link PngChunks}; GIF: see {@link GifBlocks}.</li>
 *   <li>WebP drops its {@code EXIF} and {@code XMP } chunks and clears their flags in {@code VP8X}.</li>
 * </ul>
 * The EXIF orientation goes with EXIF, which is why {@link VariantMaker} re-encodes a rotated JPEG or PNG instead.
 */
final class MetadataStripper {

    private MetadataStripper() {
    }

    static byte[] strip(String name, ImageType type, byte[] original) throws ImageRejectedException {
        return switch (type) {
            case JPEG -> jpeg(name, original);
            case PNG -> PngChunks.strip(name, original);
            case GIF -> GifBlocks.strip(name, original);
            case WEBP -> webp(name, original);
            case SVG -> throw new IllegalArgumentException(name + ": an SVG is cleaned by SvgSanitizer, not stripped");
        };
    }

    static byte[] jpeg(String name, byte[] jpeg) throws ImageRejectedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(0xD8);
        int i = 2;
        boolean inScan = false;
        while (i < jpeg.length) {
            if (inScan) {
                // Entropy-coded data: FF 00 is a stuffed byte and FF D0..D7 a restart marker; any other FF xx ends it.
                int b = jpeg[i] & 0xFF;
                if (b != 0xFF || i + 1 >= jpeg.length) {
                    out.write(b);
                    i++;
                    continue;
                }
                int next = jpeg[i + 1] & 0xFF;
                if (next == 0x00 || (next >= 0xD0 && next <= 0xD7) || next == 0xFF) {
                    out.write(b);
                    i++;
                    continue;
                }
                inScan = false;
            }
            if ((jpeg[i] & 0xFF) != 0xFF) {
                throw new ImageRejectedException(name, "is not a readable JPEG: no marker at byte " + i);
            }
            while (i < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
                i++;
            }
            if (i >= jpeg.length) {
                break;
            }
            int marker = jpeg[i] & 0xFF;
            i++;
            if (marker == 0xD9) {
                out.write(0xFF);
                out.write(0xD9);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                out.write(0xFF);
                out.write(marker);
                continue;
            }
            if (i + 2 > jpeg.length) {
                break;
            }
            int length = (jpeg[i] & 0xFF) << 8 | (jpeg[i + 1] & 0xFF);
            if (length < 2 || i + length > jpeg.length) {
                throw new ImageRejectedException(name, "is not a readable JPEG: a segment runs past the end of the file");
            }
            if (keep(marker, jpeg, i + 2, length - 2)) {
                out.write(0xFF);
                out.write(marker);
                out.write(jpeg, i, length);
            }
            i += length;
            inScan = marker == 0xDA;
        }
        // A file cut short after its last scan is common and browsers show it; end it properly.
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static boolean keep(int marker, byte[] jpeg, int data, int length) {
        if (marker == 0xFE) {
            return false;
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return true;
        }
        return switch (marker) {
            case 0xE0 -> startsWith(jpeg, data, length, "JFIF\0");
            case 0xE2 -> startsWith(jpeg, data, length, "ICC_PROFILE\0");
            case 0xEE -> startsWith(jpeg, data, length, "Adobe");
            default -> false;
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, int length, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.US_ASCII);
        if (length < expected.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (bytes[offset + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    static byte[] webp(String name, byte[] webp) throws ImageRejectedException {
        ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream body = new ByteArrayOutputStream(webp.length);
        body.write(webp, 8, 4);
        int i = 12;
        while (i + 8 <= webp.length) {
            String fourCc = new String(webp, i, 4, StandardCharsets.US_ASCII);
            long size = in.getInt(i + 4) & 0xFFFFFFFFL;
            long end = i + 8 + size + (size & 1);
            if (i + 8 + size > webp.length) {
                throw new ImageRejectedException(name, "is not a readable WebP: chunk '" + fourCc.strip()
                        + "' runs past the end of the file");
            }
            int copyEnd = (int) Math.min(end, webp.length);
            if (fourCc.equals("VP8X")) {
                byte[] chunk = java.util.Arrays.copyOfRange(webp, i, copyEnd);
                chunk[8] = (byte) (chunk[8] & ~0x0C);
                body.write(chunk, 0, chunk.length);
            } else if (!fourCc.equals("EXIF") && !fourCc.equals("XMP ")) {
                body.write(webp, i, copyEnd - i);
            }
            i = (int) end;
        }
        byte[] chunks = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(8 + chunks.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(webp, 0, 4).putInt(chunks.length).put(chunks);
        return out.array();
    }
}
