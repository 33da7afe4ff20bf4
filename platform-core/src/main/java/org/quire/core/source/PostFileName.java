package org.quire.core.source;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Jekyll post's file name says: {@code YYYY-MM-DD-slug.ext}, where month and day may have one digit
 * ({@code 2019-12-3-long-term-teams.md}) as Jekyll accepts, and an impossible day rolls over as Jekyll's Ruby rolls it
 * ({@code 2016-06-31} is 1 July).
 *
 * @param date      the date, when the name starts with a valid one
 * @param slug      the rest of the name without extension: the post's slug
 * @param extension without the dot, such as {@code md}, {@code markdown} or {@code html}
 */
public record PostFileName(Optional<LocalDate> date, String slug, String extension) {

    private static final Pattern DATED = Pattern.compile("(\\d{2,4})-(\\d{1,2})-(\\d{1,2})-(.+)");

    public static PostFileName of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot + 1) : "";
        Matcher m = DATED.matcher(stem);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            if (m.group(1).length() == 2) {
                year += year >= 69 ? 1900 : 2000; // Ruby's Time.parse reads 19-1-1 as 2019
            }
            Optional<LocalDate> date = JekyllDate.calendarDate(year, Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (date.isPresent()) {
                return new PostFileName(date, m.group(4), extension);
            }
            return new PostFileName(Optional.empty(), stem, extension);
        }
        return new PostFileName(Optional.empty(), stem, extension);
    }

    /** Whether the body is HTML rather than Markdown ({@code .html} posts are kept as HTML, as Jekyll does). */
    public boolean isHtml() {
        return extension.equalsIgnoreCase("html") || extension.equalsIgnoreCase("htm");
    }
}
