package org.quire.plugin.images;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How variants are made.
 *
 * @param widths      the widths made for every image wider than them, ascending
 * @param jpegQuality JPEG quality of variants, 0 to 1
 * @param fullQuality JPEG quality of a full copy that has to be re-encoded (a rotated photo)
 * @param lqipWidth   width of the tiny preview inlined as a {@code data:} URI
 */
public record VariantSettings(List<Integer> widths, float jpegQuality, float fullQuality, int lqipWidth) {

    /** 480, 960 and 1600 pixels, quality 0.85 (0.92 for a rotated full copy), a 16-pixel preview. */
    public static final VariantSettings DEFAULT = new VariantSettings(List.of(480, 960, 1600), 0.85f, 0.92f, 16);

    public VariantSettings {
        widths = List.copyOf(new TreeSet<>(widths));
        if (widths.stream().anyMatch(w -> w < 16 || w > 8192)) {
            throw new IllegalArgumentException("variant widths must be from 16 to 8192 pixels: " + widths);
        }
        if (!(jpegQuality > 0 && jpegQuality <= 1) || !(fullQuality > 0 && fullQuality <= 1)) {
            throw new IllegalArgumentException("JPEG quality must be above 0 and at most 1: " + jpegQuality + ", "
                    + fullQuality);
        }
        if (lqipWidth < 4 || lqipWidth > 64) {
            throw new IllegalArgumentException("the preview width must be from 4 to 64 pixels: " + lqipWidth);
        }
    }

    /**
     * Reads a list of widths such as {@code 480, 960, 1600}.
     *
     * @throws IllegalArgumentException naming the item that is not a width from 16 to 8192
     */
    public static List<Integer> parseWidths(String text) {
        List<Integer> widths = new ArrayList<>();
        for (String item : text.split("[,\\s]+")) {
            if (item.isEmpty()) {
                continue;
            }
            try {
                int width = Integer.parseInt(item);
                if (width < 16 || width > 8192) {
                    throw new NumberFormatException();
                }
                widths.add(width);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + item + "' is not a width in pixels from 16 to 8192;"
                        + " write widths separated by commas, such as 480, 960, 1600");
            }
        }
        return widths;
    }

    public VariantSettings withWidths(List<Integer> newWidths) {
        return new VariantSettings(newWidths, jpegQuality, fullQuality, lqipWidth);
    }
}
