package org.quire.web.editorial;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts, by longest common subsequence: what a reviewer reads to see what changed between two
 * revisions. Texts too large for the quadratic table (more than {@value #MAX_CELLS} line pairs after trimming the
 * common start and end) are shown as the old lines removed and the new ones added, which is still correct.
 */
public final class LineDiff {

    /** At most 16 MB for the table: a few reviewers diffing at once must not exhaust the heap. */
    static final long MAX_CELLS = 4_000_000L;

    public enum Op { SAME, REMOVED, ADDED }

    public record Line(Op op, String text) {
    }

    private LineDiff() {
    }

    public static List<Line> between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        List<Line> result = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            result.add(new Line(Op.SAME, a[i]));
        }
        middle(a, start, endA, b, start, endB, result);
        for (int i = endA; i < a.length; i++) {
            result.add(new Line(Op.SAME, a[i]));
        }
        return result;
    }

    private static void middle(String[] a, int fromA, int toA, String[] b, int fromB, int toB, List<Line> out) {
        int n = toA - fromA;
        int m = toB - fromB;
        if ((long) n * m > MAX_CELLS) {
            for (int i = fromA; i < toA; i++) {
                out.add(new Line(Op.REMOVED, a[i]));
            }
            for (int j = fromB; j < toB; j++) {
                out.add(new Line(Op.ADDED, b[j]));
            }
            return;
        }
        // common[i][j]: length of the longest common subsequence of a[fromA+i..] and b[fromB+j..].
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a[fromA + i].equals(b[fromB + j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a[fromA + i].equals(b[fromB + j])) {
                out.add(new Line(Op.SAME, a[fromA + i]));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line(Op.REMOVED, a[fromA + i]));
                i++;
            } else {
                out.add(new Line(Op.ADDED, b[fromB + j]));
                j++;
            }
        }
        for (; i < n; i++) {
            out.add(new Line(Op.REMOVED, a[fromA + i]));
        }
        for (; j < m; j++) {
            out.add(new Line(Op.ADDED, b[fromB + j]));
        }
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        return text.split("\r?\n", -1);
    }

    /** The diff in unified style without hunks: {@code " "}, {@code "-"} or {@code "+"} before each line. */
    public static String render(List<Line> lines) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(switch (line.op()) {
                case SAME -> ' ';
                case REMOVED -> '-';
                case ADDED -> '+';
            }).append(line.text()).append('\n');
        }
        return out.toString();
    }
}
