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
            case "image/png" -> endsWith(content, PNG_END) ? Optional.empty()
                    : cutShort("PNG", "with an IEND chunk", content);
            case "image/jpeg" -> jpegEnds(content) ? Optional.empty()
                    : cutShort("JPEG", "its image data with an end marker", content);
            case "image/gif" -> content.length > 0 && content[content.length - 1] == 0x3B ? Optional.empty()
                    : cutShort("GIF", "with a trailer byte", content);
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

    private static boolean endsWith(byte[] content, byte[] end) {
        if (content.length < end.length) {
            return false;
        }
        for (int i = 0; i < end.length; i++) {
            if (content[content.length - end.length + i] != end[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An end-of-image marker after the last start-of-scan one. Entropy-coded data never holds FF D9 (an FF there is
     * followed by 00 or a restart marker), and some cameras append data after the end, so the marker need not be
     * last; an EXIF thumbnail's own end marker comes before the main image's scan.
     */
    private static boolean jpegEnds(byte[] content) {
        int lastScan = -1;
        for (int i = content.length - 2; i >= 0; i--) {
            if ((content[i] & 0xFF) == 0xFF && (content[i + 1] & 0xFF) == 0xDA) {
                lastScan = i;
                break;
            }
        }
        for (int i = Math.max(lastScan, 0); i < content.length - 1; i++) {
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
