package org.quire.web.media;

import java.util.Optional;

/**
 * Whether a file of an accepted type arrived whole: each format ends in a known way, so a file cut short in transfer
 * is refused before it is stored and served as a half-grey picture or an unreadable PDF.
 */
final class MediaCompleteness {

    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};

    private MediaCompleteness() {
    }

    /** Why {@code content} of {@code contentType} is not whole, or empty when it is (or the type is not known). */
    static Optional<String> problem(byte[] content, String contentType) {
        return switch (contentType) {
            // Data after the end is kept (some tools append it); GIFs are not checked, since many that browsers
            // show well lack their trailer byte.
            case "image/png" -> holdsPngEnd(content) ? Optional.empty()
                    : cutShort("PNG", "with an IEND chunk", content);
            case "image/jpeg" -> jpegEnds(content) ? Optional.empty()
                    : cutShort("JPEG", "its image data with an end marker", content);
            case "image/webp" -> riffLength(content) <= content.length ? Optional.empty()
                    : cutShort("WebP", "after the " + riffLength(content) + " bytes its header declares", content);
            case "application/pdf" -> pdfEnds(content) ? Optional.empty()
                    : cutShort("PDF", "with %%EOF", content);
            default -> Optional.empty();
        };
    }

    private static Optional<String> cutShort(String format, String ending, byte[] content) {
        return Optional.of("is cut short: a " + format + " file ends " + ending + ", and this one stops after "
                + content.length + " bytes without it; upload it again");
    }

    private static boolean holdsPngEnd(byte[] content) {
        for (int at = content.length - PNG_END.length; at >= 8; at--) {
            if (content[at + 4] == 'I' && java.util.Arrays.equals(content, at, at + PNG_END.length, PNG_END, 0,
                    PNG_END.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An end-of-image marker after the main image's first start-of-scan. The scan is found by walking the segments
     * from the start, so an EXIF thumbnail (inside an APP segment) is skipped; entropy-coded data never holds
     * FF D9 (an FF there is followed by 00 or a restart marker); and data some cameras append after the end (a
     * motion photo's video) does not matter, since the end marker comes before it.
     */
    private static boolean jpegEnds(byte[] content) {
        int at = 2;
        int scan = -1;
        while (at + 4 <= content.length) {
            if ((content[at] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = content[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
            } else if (marker == 0xDA) {
                scan = at;
                break;
            } else if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                at += 2;
            } else {
                at += 2 + ((content[at + 2] & 0xFF) << 8 | content[at + 3] & 0xFF);
            }
        }
        if (scan < 0) {
            return false;
        }
        for (int i = scan + 2; i < content.length - 1; i++) {
            if ((content[i] & 0xFF) == 0xFF && (content[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /** The file length a RIFF header declares: its size field plus the eight header bytes. */
    private static long riffLength(byte[] content) {
        if (content.length < 8) {
            return Long.MAX_VALUE;
        }
        long size = (content[4] & 0xFFL) | (content[5] & 0xFFL) << 8 | (content[6] & 0xFFL) << 16
                | (content[7] & 0xFFL) << 24;
        return size + 8;
    }

    /** "%%EOF" among the last kilobyte: writers add line ends or padding after it. */
    private static boolean pdfEnds(byte[] content) {
        byte[] marker = {'%', '%', 'E', 'O', 'F'};
        for (int i = content.length - marker.length; i >= Math.max(0, content.length - 1024); i--) {
            boolean match = true;
            for (int k = 0; k < marker.length && match; k++) {
                match = content[i + k] == marker[k];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }
}
