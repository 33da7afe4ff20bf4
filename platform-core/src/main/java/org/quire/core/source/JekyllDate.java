package org.quire.core.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a front-matter {@code date} the way Jekyll does: Ruby's {@code Time.parse(value.to_s).localtime} with the
 * site's {@code timezone} as the local zone. A date or time without an offset is taken in the site zone; one with an
 * offset or a zone abbreviation keeps its instant; either way the result is shown in the site zone.
 *
 * <p>Forms read (all seen in real Jekyll sites): {@code 2016-07-19}, {@code 2016-7-9}, {@code 2016-03-03 3:00},
 * {@code 2016-03-03 10:00:00}, {@code 2020-07-07T00:00:00.000Z}, {@code 2019-01-02 10:00:00 -0400},
 * {@code '2019-09-04T10:00:00-04:00'}, {@code 2016-10-18 10:00 EDT}, {@code June 23, 2020}, {@code Sep 3, 2019},
 * and any of these followed by words Ruby ignores, such as {@code 2016-07-19 (optional)}.
 *
 * <p>An impossible day rolls over as in Ruby ({@link #calendarDate}).
 *
 * <p>An offset must follow the time directly and be one Ruby's {@code Time.zone_offset} accepts. So
 * {@code 2016-06-17 12:00-400} and {@code 2023-01-29 18:30:22 2023 -0800} are read as site-zone times, exactly as
 * Jekyll 4.3 reads them (checked against Jekyll itself in {@code CorpusRenderTest}); changing that would move
 * the post's URL away from the one Jekyll published.
 */
public final class JekyllDate {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern MONTH_NAME_DATE = Pattern.compile(
            "([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
    private static final Pattern TIME = Pattern.compile(
            "(?:[T\\s]+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?");
    /** What Ruby's {@code Time.zone_offset} accepts: {@code Z}, {@code ±HH}, {@code ±HHMM}, {@code ±HH:MM}, names. */
    private static final Pattern ZONE = Pattern.compile(
            "\\s*(Z\\b|[+-]\\d{2}(?::?\\d{2})?(?![\\d:])|(?<abbr>[A-Za-z]{1,5})\\b)");
    private static final Pattern MERIDIEM = Pattern.compile("\\s*([AaPp])\\.?[Mm]\\.?(?![A-Za-z])");

    /**
     * The zone names Ruby's {@code Time.zone_offset} knows (its {@code ZoneOffset} table). Any other name, such as
     * {@code CET}, leaves the time in the site zone, as in Jekyll.
     */
    private static final Map<String, ZoneOffset> ABBREVIATIONS = Map.ofEntries(
            Map.entry("utc", ZoneOffset.UTC), Map.entry("gmt", ZoneOffset.UTC), Map.entry("ut", ZoneOffset.UTC),
            Map.entry("z", ZoneOffset.UTC),
            Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)),
            Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)),
            Map.entry("mst", ZoneOffset.ofHours(-7)), Map.entry("mdt", ZoneOffset.ofHours(-6)),
            Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)));

    private JekyllDate() {
    }

    /**
     * @param value    the front-matter value (a string, or whatever YAML produced; it is read through
     *                 {@code toString} as Jekyll does)
     * @param siteZone the site's time zone; UTC when the site sets none (never the machine's zone)
     * @return the date in the site zone, or empty when the value cannot be read as a date
     */
    public static Optional<ZonedDateTime> parse(Object value, ZoneId siteZone) {
        return parse(value, siteZone, siteZone);
    }

    /**
     * @param zoneWhenNone the zone a time without an offset is read in: the site's, or UTC for an unquoted YAML
     *                     timestamp ({@link FrontMatter#dateInUtc()})
     */
    public static Optional<ZonedDateTime> parse(Object value, ZoneId zoneWhenNone, ZoneId siteZone) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        LocalDate date;
        int end;
        Matcher iso = ISO_DATE.matcher(text);
        Matcher named = MONTH_NAME_DATE.matcher(text);
        try {
            if (iso.lookingAt()) {
                Optional<LocalDate> rolled = calendarDate(Integer.parseInt(iso.group(1)),
                        Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
                if (rolled.isEmpty()) {
                    return Optional.empty();
                }
                date = rolled.get();
                end = iso.end();
            } else if (named.lookingAt()) {
                Optional<Month> month = month(named.group(1));
                if (month.isEmpty()) {
                    return Optional.empty();
                }
                Optional<LocalDate> rolled = calendarDate(Integer.parseInt(named.group(3)), month.get().getValue(),
                        Integer.parseInt(named.group(2)));
                if (rolled.isEmpty()) {
                    return Optional.empty();
                }
                date = rolled.get();
                end = named.end();
            } else {
                return Optional.empty();
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }

        LocalTime time = LocalTime.MIDNIGHT;
        String rest = text.substring(end);
        Matcher timeMatcher = TIME.matcher(rest);
        ZoneId zone = siteZone;
        if (timeMatcher.lookingAt()) {
            zone = zoneWhenNone;
            try {
                int nanos = timeMatcher.group(4) == null ? 0
                        : Integer.parseInt((timeMatcher.group(4) + "000000000").substring(0, 9));
                int hour = Integer.parseInt(timeMatcher.group(1));
                int minute = Integer.parseInt(timeMatcher.group(2));
                int second = timeMatcher.group(3) == null ? 0 : Integer.parseInt(timeMatcher.group(3));
                if (hour == 24 && minute == 0 && second == 0 && nanos == 0) {
                    // Ruby reads 24:00 as the next day's midnight.
                    date = date.plusDays(1);
                    hour = 0;
                }
                time = LocalTime.of(hour, minute, second, nanos);
            } catch (DateTimeException e) {
                return Optional.empty();
            }
            String afterTime = rest.substring(timeMatcher.end());
            Matcher meridiem = MERIDIEM.matcher(afterTime);
            if (meridiem.lookingAt()) {
                boolean pm = Character.toLowerCase(meridiem.group(1).charAt(0)) == 'p';
                time = time.withHour(time.getHour() % 12 + (pm ? 12 : 0));
                afterTime = afterTime.substring(meridiem.end());
            }
            Optional<ZoneOffset> offset = zoneRightAfter(afterTime);
            if (offset.isPresent()) {
                zone = offset.get();
            }
        }
        return Optional.of(ZonedDateTime.of(LocalDateTime.of(date, time), zone).withZoneSameInstant(siteZone));
    }

    /**
     * Whether the value's date names a day its month does not have ({@code 2016-06-31}), which {@link #parse} rolls
     * over as Jekyll does; a writer should hear of it.
     */
    public static boolean rollsOver(Object value) {
        if (value == null) {
            return false;
        }
        Matcher iso = ISO_DATE.matcher(value.toString().trim());
        if (!iso.lookingAt()) {
            return false;
        }
        int year = Integer.parseInt(iso.group(1));
        int month = Integer.parseInt(iso.group(2));
        int day = Integer.parseInt(iso.group(3));
        return month >= 1 && month <= 12 && day >= 1 && day <= 31
                && day > java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /**
     * The day Ruby's {@code Time} makes of a year, month and day: a day past the month's end but not past 31 rolls
     * over into the next month ({@code 2016-06-31} is 1 July, {@code 2016-02-30} is 1 March), as Jekyll publishes
     * it; a month outside 1–12 or a day outside 1–31 is no date.
     */
    public static Optional<LocalDate> calendarDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, 1).plusDays(day - 1L));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What follows the time of a date but is not read, as Ruby's {@code Time.parse} does not read it either:
     * {@code 2023 -0800} in {@code 2023-01-29 18:30:22 2023 -0800}, or {@code -400} in {@code 12:00-400}. Authors
     * usually meant an offset there, so the reader warns.
     */
    public static Optional<String> ignoredAfterTime(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        Matcher date = ISO_DATE.matcher(text);
        if (!date.lookingAt()) {
            return Optional.empty();
        }
        String rest = text.substring(date.end());
        Matcher time = TIME.matcher(rest);
        if (!time.lookingAt()) {
            return Optional.empty();
        }
        String after = rest.substring(time.end());
        Matcher meridiem = MERIDIEM.matcher(after);
        if (meridiem.lookingAt()) {
            after = after.substring(meridiem.end());
        }
        Matcher zone = ZONE.matcher(after);
        if (zone.lookingAt() && zoneRightAfter(after).isPresent()) {
            after = after.substring(zone.end());
        }
        String ignored = after.strip();
        return ignored.isEmpty() || !ignored.matches(".*[0-9+-].*") ? Optional.empty() : Optional.of(ignored);
    }

    private static Optional<ZoneOffset> zoneRightAfter(String text) {
        Matcher m = ZONE.matcher(text);
        if (!m.lookingAt()) {
            return Optional.empty();
        }
        if (m.group("abbr") != null) {
            return Optional.ofNullable(ABBREVIATIONS.get(m.group("abbr").toLowerCase(Locale.ROOT)));
        }
        return offset(m.group(1));
    }

    /** {@code Z}, {@code -04:00}, {@code -0400}, {@code -04}. */
    private static Optional<ZoneOffset> offset(String text) {
        if (text.equals("Z")) {
            return Optional.of(ZoneOffset.UTC);
        }
        int sign = text.charAt(0) == '-' ? -1 : 1;
        String digits = text.substring(1).replace(":", "");
        int hours;
        int minutes;
        if (text.contains(":")) {
            int colon = text.indexOf(':');
            hours = Integer.parseInt(text.substring(1, colon));
            minutes = Integer.parseInt(text.substring(colon + 1));
        } else if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
            minutes = 0;
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        try {
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Month> month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.length() < 3) {
            return Optional.empty();
        }
        for (Month month : Month.values()) {
            String full = month.name().toLowerCase(Locale.ROOT);
            if (full.equals(lower) || (lower.length() <= 4 && full.startsWith(lower)) || (lower.equals("sept") && month == Month.SEPTEMBER)) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }
}
