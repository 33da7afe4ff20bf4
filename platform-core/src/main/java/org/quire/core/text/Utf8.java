package org.quire.core.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding: text in another encoding is refused saying where, rather than kept with replacement
 * characters that would silently change an author's words on the next save.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Thrown for bytes that are not UTF-8; the message names the source, line, column and byte. */
    public static final class NotUtf8Exception extends IllegalArgumentException {

        private final int line;

        NotUtf8Exception(String message, int line) {
            super(message);
            this.line = line;
        }

        /** The line (from 1) holding the first byte that is not UTF-8. */
        public int line() {
            return line;
        }
    }

    /**
     * The text of {@code bytes}, which must be UTF-8 (a leading byte-order mark is dropped).
     *
     * @param name what the bytes are, as the error should name them: a file name or "the post's text"
     */
    public static String decode(byte[] bytes, String name) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            CharBuffer text = decoder.decode(in);
            return text.toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(bytes, start, name);
        }
    }

    private static NotUtf8Exception notUtf8(byte[] bytes, int start, String name) {
        // Walk again to find the first bad sequence; counting lines and characters on the way.
        int line = 1;
        int column = 1;
        int i = start;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
                    : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            if (length == 0 || i + length > bytes.length || !validSequence(bytes, i, length)) {
                break;
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += length;
        }
        String at = i < bytes.length ? String.format("the byte 0x%02X", bytes[i] & 0xFF) : "a sequence cut short";
        return new NotUtf8Exception(name + " is not UTF-8: line " + line + ", column " + column + " has " + at
                + "; save it as UTF-8 and send it again", line);
    }

    private static boolean validSequence(byte[] bytes, int at, int length) {
        for (int k = 1; k < length; k++) {
            if ((bytes[at + k] & 0xC0) != 0x80) {
                return false;
            }
        }
        int b0 = bytes[at] & 0xFF;
        if (length >= 3) {
            int b1 = bytes[at + 1] & 0xFF;
            // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
            if (b0 == 0xE0 && b1 < 0xA0 || b0 == 0xED && b1 > 0x9F || b0 == 0xF0 && b1 < 0x90
                    || b0 == 0xF4 && b1 > 0x8F) {
                return false;
            }
        }
        return true;
    }
}
