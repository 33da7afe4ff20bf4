package org.quire.core.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Jekyll post's file name says: {@code YYYY-MM-DD-slug.ext}, where month and day may have one digit
 * ({@code 2019-12-3-long-term-teams.md}) as Jekyll accepts.
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
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                return new PostFileName(Optional.of(date), m.group(4), extension);
            } catch (DateTimeException e) {
                return new PostFileName(Optional.empty(), stem, extension);
            }
        }
        return new PostFileName(Optional.empty(), stem, extension);
    }

    /** Whether the body is HTML rather than Markdown ({@code .html} posts are kept as HTML, as Jekyll does). */
    public boolean isHtml() {
        return extension.equalsIgnoreCase("html") || extension.equalsIgnoreCase("htm");
    }
}
