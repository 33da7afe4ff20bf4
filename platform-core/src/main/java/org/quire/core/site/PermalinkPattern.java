package org.quire.core.site;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jekyll permalink pattern for posts: a built-in style ({@code date}, {@code pretty}, {@code ordinal},
 * {@code weekdate}, {@code none}) or a template of placeholders such as {@code /news/:year/:month/:day/:title/}.
 * Placeholders are expanded with the post's date in the site's time zone, as Jekyll does. The result is a site path
 * (without the base path), with characters as written: encoding for HTTP is the web layer's job.
 */
public final class PermalinkPattern {

    private static final Map<String, String> STYLES = Map.of(
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext",
            "none", "/:categories/:title:output_ext");

    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");
    private static final Set<String> KNOWN = Set.of("year", "month", "i_month", "day", "i_day", "short_year", "hour",
            "minute", "second", "title", "slug", "categories", "output_ext", "y_day", "short_month", "long_month",
            "week", "w_year", "short_day", "long_day", "path", "name", "collection");
    private static final Pattern NOT_PRETTY_SLUG_CHARACTER = Pattern.compile("[^\\p{L}\\p{N}._~!$&'()+,;=@]+");

    public static final PermalinkPattern DATE = of("date");
    public static final PermalinkPattern PRETTY = of("pretty");

    private final String template;

    private PermalinkPattern(String template) {
        this.template = template;
    }

    /**
     * @param patternOrStyle a style name or a template starting with {@code /}
     * @throws IllegalArgumentException naming the pattern and the placeholder it does not know
     */
    public static PermalinkPattern of(String patternOrStyle) {
        Objects.requireNonNull(patternOrStyle, "permalink");
        String template = STYLES.getOrDefault(patternOrStyle.trim(), patternOrStyle.trim());
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("permalink '" + patternOrStyle + "' must be one of " + STYLES.keySet()
                    + " or a path starting with '/', such as /:year/:month/:day/:title/");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                throw new IllegalArgumentException("permalink '" + patternOrStyle + "' uses ':" + m.group(1)
                        + "', which is not a post placeholder; known: " + new java.util.TreeSet<>(KNOWN));
            }
        }
        return new PermalinkPattern(template);
    }

    public String template() {
        return template;
    }

    /**
     * @param slug       the post's slug ({@code aws-reinvent})
     * @param date       the post's date in the site zone
     * @param categories the post's categories in order
     * @return the site path, such as {@code /articles/2017/12/29/aws-reinvent.html}
     */
    public String expand(String slug, ZonedDateTime date, List<String> categories) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(value(m.group(1), slug, date, categories)));
        }
        m.appendTail(path);
        return sitePath(path.toString());
    }

    /**
     * {@code path} as a path of this site: starting with one {@code /}, backslashes read as slashes, doubled slashes
     * collapsed (empty placeholders such as no categories leave them, and Jekyll collapses them too), and {@code .}
     * and {@code ..} segments dropped, also percent-encoded, as Jekyll's URL sanitising does: a category or
     * permalink of {@code ../..} must not lead an export outside its folder.
     */
    public static String sitePath(String path) {
        String[] segments = path.replace('\\', '/').split("/", -1);
        StringBuilder cleaned = new StringBuilder(path.length() + 1);
        for (String segment : segments) {
            String decoded = segment.replaceAll("(?i)%2e", ".");
            if (segment.isEmpty() || decoded.equals(".") || decoded.equals("..")) {
                continue;
            }
            cleaned.append('/').append(segment);
        }
        boolean directory = path.endsWith("/") || path.endsWith("\\") || path.endsWith("/.") || path.endsWith("/..");
        if (cleaned.length() == 0 || directory) {
            cleaned.append('/');
        }
        return cleaned.toString();
    }

    private static String value(String placeholder, String slug, ZonedDateTime date, List<String> categories) {
        return switch (placeholder) {
            case "year" -> pad(date.getYear(), 4);
            case "short_year" -> pad(date.getYear() % 100, 2);
            case "month" -> pad(date.getMonthValue(), 2);
            case "i_month" -> Integer.toString(date.getMonthValue());
            case "short_month" -> date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "long_month" -> date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "day" -> pad(date.getDayOfMonth(), 2);
            case "i_day" -> Integer.toString(date.getDayOfMonth());
            case "y_day" -> pad(date.getDayOfYear(), 3);
            case "hour" -> pad(date.getHour(), 2);
            case "minute" -> pad(date.getMinute(), 2);
            case "second" -> pad(date.getSecond(), 2);
            case "week" -> pad(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2);
            case "w_year" -> Integer.toString(date.get(IsoFields.WEEK_BASED_YEAR));
            case "short_day" -> date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            case "long_day" -> date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "title", "slug", "name", "path" -> prettySlug(slug);
            case "categories" -> categoriesPath(categories);
            case "output_ext" -> ".html";
            case "collection" -> "posts";
            default -> throw new IllegalStateException("unchecked placeholder :" + placeholder);
        };
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Jekyll's "pretty" slug mode: keeps letters of any script, digits and URL-safe punctuation. */
    private static String prettySlug(String slug) {
        return NOT_PRETTY_SLUG_CHARACTER.matcher(slug).replaceAll("-").replaceAll("^-+|-+$", "");
    }

    /** Jekyll lower-cases categories and drops repeats before joining them into path segments. */
    private static String categoriesPath(List<String> categories) {
        Set<String> lower = new LinkedHashSet<>();
        for (String category : categories) {
            lower.add(category.toLowerCase(Locale.ROOT));
        }
        return String.join("/", lower);
    }

    @Override
    public String toString() {
        return template;
    }
}
