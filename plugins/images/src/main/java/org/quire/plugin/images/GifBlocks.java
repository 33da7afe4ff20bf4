package org.quire.plugin.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Walks a GIF's blocks without decompressing them: to count its frames, and to remove what does not affect how it
 * plays (comments, plain-text blocks, and application extensions other than the looping one, such as XMP),
 * losslessly, so an animated GIF stays animated.
 */
final class GifBlocks {

    /** @param frames how many frames were seen, counting at most two unless the whole file was walked */
    record Summary(int width, int height, int frames, boolean transparency) {
    }

    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int GRAPHIC_CONTROL = 0xF9;
    private static final int APPLICATION = 0xFF;

    private GifBlocks() {
    }

    /** Reads the logical screen and walks blocks until a second frame is seen (animated) or the trailer. */
    static Summary summarise(InputStream stream) throws IOException {
        return walk(new DataInputStream(stream), null, 2);
    }

    /** The GIF with comments, plain text and unknown application extensions removed. */
    static byte[] strip(String name, byte[] gif) throws ImageRejectedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(gif.length);
        try {
            walk(new DataInputStream(new ByteArrayInputStream(gif)), out, Integer.MAX_VALUE);
        } catch (EOFException e) {
            throw new ImageRejectedException(name, "is not a readable GIF: it is cut short", e);
        } catch (IOException e) {
            throw new ImageRejectedException(name, "is not a readable GIF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Summary walk(DataInputStream in, ByteArrayOutputStream out, int frameLimit) throws IOException {
        byte[] header = in.readNBytes(13);
        if (header.length < 13) {
            throw new EOFException();
        }
        write(out, header);
        int width = header[6] & 0xFF | (header[7] & 0xFF) << 8;
        int height = header[8] & 0xFF | (header[9] & 0xFF) << 8;
        int packed = header[10] & 0xFF;
        if ((packed & 0x80) != 0) {
            copy(in, out, 3 * (1 << ((packed & 7) + 1)));
        }
        int frames = 0;
        boolean transparency = false;
        while (frames < frameLimit) {
            int block = in.read();
            if (block < 0 || block == TRAILER) {
                break;
            }
            if (block == IMAGE) {
                frames++;
                byte[] descriptor = in.readNBytes(9);
                if (descriptor.length < 9) {
                    throw new EOFException();
                }
                write(out, new byte[] {(byte) IMAGE});
                write(out, descriptor);
                int local = descriptor[8] & 0xFF;
                if ((local & 0x80) != 0) {
                    copy(in, out, 3 * (1 << ((local & 7) + 1)));
                }
                copy(in, out, 1);
                subBlocks(in, out);
            } else if (block == EXTENSION) {
                int label = in.readUnsignedByte();
                if (label == GRAPHIC_CONTROL) {
                    ByteArrayOutputStream control = new ByteArrayOutputStream();
                    subBlocks(in, control);
                    byte[] bytes = control.toByteArray();
                    transparency |= bytes.length > 1 && (bytes[1] & 1) != 0;
                    write(out, new byte[] {(byte) EXTENSION, (byte) label});
                    write(out, bytes);
                } else if (label == APPLICATION) {
                    ByteArrayOutputStream application = new ByteArrayOutputStream();
                    subBlocks(in, application);
                    byte[] bytes = application.toByteArray();
                    if (isLooping(bytes)) {
                        write(out, new byte[] {(byte) EXTENSION, (byte) label});
                        write(out, bytes);
                    }
                } else {
                    subBlocks(in, null);
                }
            } else {
                throw new IOException("unknown block 0x" + Integer.toHexString(block));
            }
        }
        write(out, new byte[] {(byte) TRAILER});
        return new Summary(width, height, frames, transparency);
    }

    /** NETSCAPE2.0 and ANIMEXTS1.0 say how often an animation loops; they carry nothing about the author. */
    private static boolean isLooping(byte[] subBlocks) {
        if (subBlocks.length < 12) {
            return false;
        }
        String identifier = new String(subBlocks, 1, 11, StandardCharsets.US_ASCII);
        return identifier.equals("NETSCAPE2.0") || identifier.equals("ANIMEXTS1.0");
    }

    /** Copies (or skips, when {@code out} is null) sub-blocks up to and including the terminating empty one. */
    private static void subBlocks(DataInputStream in, ByteArrayOutputStream out) throws IOException {
        while (true) {
            int size = in.readUnsignedByte();
            if (out != null) {
                out.write(size);
            }
            if (size == 0) {
                return;
            }
            copy(in, out, size);
        }
    }

    private static void copy(DataInputStream in, ByteArrayOutputStream out, int length) throws IOException {
        if (out == null) {
            in.skipNBytes(length);
            return;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException();
        }
        out.write(bytes);
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        if (out != null) {
            out.write(bytes, 0, bytes.length);
        }
    }
}
