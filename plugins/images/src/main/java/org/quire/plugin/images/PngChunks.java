package org.quire.plugin.images;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * PNG chunk names, and the lossless removal of every chunk that does not affect how the image looks: text
 * ({@code tEXt}, {@code zTXt}, {@code iTXt}: authors, software, comments), {@code eXIf}, {@code tIME} and anything
 * unknown. Colour and animation chunks are kept, so an animated PNG stays animated.
 */
final class PngChunks {

    static final int IHDR = type("IHDR");
    static final int IDAT = type("IDAT");
    static final int IEND = type("IEND");
    static final int TRNS = type("tRNS");
    static final int ACTL = type("acTL");
    static final int EXIF = type("eXIf");

    /** Chunks that change what a reader sees; the rest are dropped. */
    private static final Set<Integer> KEPT = Set.of(IHDR, type("PLTE"), IDAT, IEND, TRNS, type("gAMA"),
            type("cHRM"), type("sRGB"), type("iCCP"), type("sBIT"), type("bKGD"), type("pHYs"), type("cICP"),
            type("mDCv"), type("cLLi"), ACTL, type("fcTL"), type("fdAT"));

    private PngChunks() {
    }

    static int type(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }

    /** The PNG with only the kept chunks, each copied byte for byte (so its CRC stays valid). */
    static byte[] strip(String name, byte[] png) throws ImageRejectedException {
        ByteBuffer in = ByteBuffer.wrap(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8);
        in.position(8);
        while (in.remaining() >= 12) {
            int start = in.position();
            long length = in.getInt() & 0xFFFFFFFFL;
            int type = in.getInt();
            long end = start + 12L + length;
            if (end > png.length) {
                throw new ImageRejectedException(name, "is not a readable PNG: a chunk runs past the end of the file");
            }
            if (KEPT.contains(type)) {
                out.write(png, start, (int) (end - start));
            }
            in.position((int) end);
            if (type == IEND) {
                return out.toByteArray();
            }
        }
        throw new ImageRejectedException(name, "is not a readable PNG: it has no IEND chunk");
    }
}
