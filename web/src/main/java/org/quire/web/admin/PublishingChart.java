package org.quire.web.admin;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Posts published per month by author over the last months, drawn as a stacked bar chart in SVG on the server (no
 * chart library to ship) with the same figures as a table for screen readers. A post with several authors counts
 * for each of them; past the busiest few authors the rest are shown together.
 */
public final class PublishingChart {

    static final int MONTHS = 12;
    /** The legend's last entry once authors are grouped; the page names it in the reader's language. */
    private static final String OTHERS = "…";
    private static final int COLOURS = 7;
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 36;
    private static final int BOTTOM = 28;
    private static final int TOP = 12;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    /** One post's publication by one of its authors (counted by account: two people may share a name). */
    public record Publication(Instant publishedAt, long authorId, String author) {
    }

    public record Segment(String author, int count, int y, int height, int colour) {
    }

    public record Column(String month, String label, int x, int width, int total, List<Segment> segments) {

        public int labelX() {
            return x + width / 2;
        }
    }

    public record Tick(int value, int y) {

        public int labelY() {
            return y + 4;
        }
    }

    /** An author in the legend; {@code others} stands for everyone past the busiest few. */
    public record Author(String name, int colour, int total, boolean others) {
    }

    /** A row of the accessible table: the month, then one count per author in legend order. */
    public record Row(String month, List<Integer> counts, int total) {
    }

    public final int width = WIDTH;
    public final int height = HEIGHT;
    public final int plotLeft = LEFT;
    public final int plotBottom = HEIGHT - BOTTOM;
    public final int monthLabelY = HEIGHT - BOTTOM + 18;
    public final int tickLabelX = LEFT - 6;
    public final List<Column> columns;
    public final List<Tick> ticks;
    public final List<Author> authors;
    public final List<Row> rows;
    public final int total;

    private PublishingChart(List<Column> columns, List<Tick> ticks, List<Author> authors, List<Row> rows, int total) {
        this.columns = columns;
        this.ticks = ticks;
        this.authors = authors;
        this.rows = rows;
        this.total = total;
    }

    /** The first instant the chart covers: the start of the month {@link #MONTHS} - 1 months before now's. */
    public static Instant since(Instant now, ZoneId zone) {
        return YearMonth.from(now.atZone(zone)).minusMonths(MONTHS - 1L).atDay(1).atStartOfDay(zone).toInstant();
    }

    public static PublishingChart of(List<Publication> publications, Instant now, ZoneId zone, Locale language) {
        DateTimeFormatter label = language.getLanguage().equals("zh")
                ? DateTimeFormatter.ofPattern("yy/M", Locale.ROOT) : DateTimeFormatter.ofPattern("MMM yy", language);
        YearMonth last = YearMonth.from(now.atZone(zone));
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        Map<Long, Integer> perAuthor = new LinkedHashMap<>();
        Map<Long, String> names = new java.util.HashMap<>();
        for (Publication p : publications) {
            YearMonth month = YearMonth.from(p.publishedAt().atZone(zone));
            if (!month.isBefore(months.get(0)) && !month.isAfter(last)) {
                perAuthor.merge(p.authorId(), 1, Integer::sum);
                names.put(p.authorId(), p.author());
            }
        }
        List<Long> ranked = perAuthor.entrySet().stream()
                .sorted(Map.Entry.<Long, Integer>comparingByValue().reversed()
                        .thenComparing(e -> names.get(e.getKey())))
                .map(Map.Entry::getKey).toList();
        boolean grouped = ranked.size() > COLOURS;
        List<Long> shownIds = grouped ? new ArrayList<>(ranked.subList(0, COLOURS - 1)) : new ArrayList<>(ranked);
        List<String> shown = new ArrayList<>(shownIds.stream().map(names::get).toList());
        if (grouped) {
            shown.add(OTHERS);
        }
        int[][] counts = new int[months.size()][shown.size()];
        for (Publication p : publications) {
            int m = months.indexOf(YearMonth.from(p.publishedAt().atZone(zone)));
            if (m < 0) {
                continue;
            }
            int a = shownIds.indexOf(p.authorId());
            counts[m][a < 0 ? shown.size() - 1 : a]++;
        }
        int highest = 0;
        int total = 0;
        for (int[] month : counts) {
            int sum = 0;
            for (int c : month) {
                sum += c;
            }
            highest = Math.max(highest, sum);
            total += sum;
        }
        int scaleTop = niceCeiling(Math.max(highest, 1));
        int plotHeight = HEIGHT - BOTTOM - TOP;
        int slot = (WIDTH - LEFT) / months.size();
        int barWidth = slot * 2 / 3;
        List<Column> columns = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            List<Segment> segments = new ArrayList<>();
            int base = HEIGHT - BOTTOM;
            int sum = 0;
            List<Integer> row = new ArrayList<>();
            for (int a = 0; a < shown.size(); a++) {
                int count = counts[m][a];
                row.add(count);
                if (count == 0) {
                    continue;
                }
                int top = HEIGHT - BOTTOM - Math.round((float) (sum + count) * plotHeight / scaleTop);
                segments.add(new Segment(shown.get(a), count, top, base - top, a));
                base = top;
                sum += count;
            }
            String month = MONTH.format(months.get(m));
            columns.add(new Column(month, label.format(months.get(m)), LEFT + m * slot + (slot - barWidth) / 2,
                    barWidth, sum, segments));
            rows.add(new Row(month, row, sum));
        }
        List<Tick> ticks = new ArrayList<>();
        int step = Math.max(1, scaleTop / 4);
        for (int value = 0; value <= scaleTop; value += step) {
            ticks.add(new Tick(value, HEIGHT - BOTTOM - Math.round((float) value * plotHeight / scaleTop)));
        }
        List<Author> authors = new ArrayList<>();
        for (int a = 0; a < shown.size(); a++) {
            int sum = 0;
            for (int[] month : counts) {
                sum += month[a];
            }
            authors.add(new Author(shown.get(a), a, sum, grouped && a == shown.size() - 1));
        }
        authors.sort(Comparator.comparingInt(Author::colour));
        return new PublishingChart(columns, ticks, authors, rows, total);
    }

    /** 1, 2, 4, 5, 8, 10, 20, 40, 50, 80, 100…: a top for the scale that divides into four readable steps. */
    static int niceCeiling(int value) {
        int magnitude = 1;
        while (magnitude * 10 < value) {
            magnitude *= 10;
        }
        for (int factor : new int[] {1, 2, 4, 5, 8, 10}) {
            if (factor * magnitude >= value) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
