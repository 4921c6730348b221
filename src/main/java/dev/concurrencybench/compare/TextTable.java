package dev.concurrencybench.compare;

import dev.concurrencybench.results.BenchmarkResult.RowKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The text format's tables, sized for a terminal: no line is wider than {@link #WIDTH} columns.
 * <ul>
 *   <li>One line per primary row: its name (shortened by {@link ShortNames} as far as the width
 *       needs), the unit, the ratio, its interval and the verdict; with the base and new scores
 *       ({@code compare}), or with the minimum detectable effect and the pairs ({@code ab}). JMH's
 *       error and the p-values are left to the other formats.</li>
 *   <li>Secondary metrics as one line of counts by verdict, or with {@code allMetrics} as a second
 *       table grouped by row: there are five or more per row with {@code -prof cpu}, too many to
 *       read among the rows that decide the exit status.</li>
 *   <li>A verdict whose words do not fit its column reads {@code inconclusive (1)}, and the words
 *       follow the table once.</li>
 * </ul>
 */
final class TextTable {

    static final int WIDTH = 120;
    /** {@code inconclusive (1)}: the longest label with a note's number. */
    private static final int VERDICT_WIDTH = 16;
    private static final String GAP = "  ";
    private static final String INDENT = "  ";

    private record Column(String header, boolean right, Function<RowComparison, String> cell) {
    }

    private final Comparison c;
    /** Verdict words too long for their column, numbered in order of first use. */
    private final Map<String, Integer> notes = new LinkedHashMap<>();

    TextTable(Comparison c) {
        this.c = c;
    }

    /** The tables and the lines that belong to them, each line ending in a newline. */
    String render(boolean allMetrics) {
        List<RowComparison> primary = c.rows().stream().filter(r -> !r.secondary()).toList();
        List<RowComparison> secondary = c.rows().stream().filter(RowComparison::secondary).toList();
        // ab's rows carry a minimum detectable effect; its ratio comes from pairs, not from the sides' scores.
        boolean paired = primary.stream().anyMatch(r -> !Double.isNaN(r.mde()));
        List<Column> columns = paired
                ? List.of(unit(), ratio(), ci(), new Column("MDE", true, r -> Double.isNaN(r.mde()) ? "" : Format.mde(r.mde())),
                        new Column("pairs", true, r -> r.base() == null ? "" : String.valueOf(r.base().forks())), verdict())
                : scores();

        List<List<String>> cells = cells(primary, columns);
        int[] widths = widths(columns, cells);
        int room = WIDTH - sum(widths) - GAP.length() * columns.size();
        ShortNames names = ShortNames.fit(primary.stream().map(RowComparison::key).toList(), room);
        int nameWidth = Math.max("benchmark".length(),
                primary.stream().mapToInt(r -> names.name(r.key()).length()).max().orElse(0));

        StringBuilder sb = new StringBuilder();
        line(sb, "benchmark", nameWidth, columns.stream().map(Column::header).toList(), columns, widths);
        for (int i = 0; i < primary.size(); i++) {
            line(sb, names.name(primary.get(i).key()), nameWidth, cells.get(i), columns, widths);
        }
        sb.append(geomean()).append('\n');
        if (allMetrics && !secondary.isEmpty()) {
            secondaryTable(sb, secondary, names);
        }
        notes.forEach((words, n) -> sb.append('(').append(n).append(") ").append(words).append('\n'));
        if (!names.leftOut().isEmpty()) {
            sb.append("params left out, the same in every row: ").append(String.join("; ", names.leftOut())).append('\n');
        }
        if (!names.valuesOnly().isEmpty()) {
            sb.append("params shown by value only: ").append(String.join("; ", names.valuesOnly())).append('\n');
        }
        if (!secondary.isEmpty()) {
            sb.append(secondarySummary(secondary, allMetrics)).append('\n');
        }
        return sb.toString();
    }

    /** The secondary metrics under the name of their row, one line per metric. */
    private void secondaryTable(StringBuilder sb, List<RowComparison> secondary, ShortNames names) {
        List<Column> columns = scores();
        List<List<String>> cells = cells(secondary, columns);
        int[] widths = widths(columns, cells);
        int room = WIDTH - INDENT.length() - sum(widths) - GAP.length() * columns.size();
        int metricWidth = Math.min(room, secondary.stream().mapToInt(r -> r.metric().name().length()).max().orElse(0));
        metricWidth = Math.max(metricWidth, "metric".length());
        sb.append("secondary metrics (they never set the exit status), by row:\n");
        line(sb, INDENT + "metric", INDENT.length() + metricWidth, columns.stream().map(Column::header).toList(), columns,
                widths);
        RowKey current = null;
        for (int i = 0; i < secondary.size(); i++) {
            RowComparison r = secondary.get(i);
            if (!r.key().equals(current)) {
                current = r.key();
                sb.append(names.name(current)).append('\n');
            }
            line(sb, INDENT + ShortNames.cut(r.metric().name(), metricWidth), INDENT.length() + metricWidth, cells.get(i),
                    columns, widths);
        }
    }

    /** How the secondary metrics' verdicts came out, with the regressions by metric, since they never gate. */
    private static String secondarySummary(List<RowComparison> secondary, boolean allMetrics) {
        Map<Verdict, Long> counts = secondary.stream()
                .collect(Collectors.groupingBy(RowComparison::verdict, Collectors.counting()));
        Map<String, Long> regressed = secondary.stream().filter(r -> r.verdict() == Verdict.REGRESSION)
                .collect(Collectors.groupingBy(r -> r.metric().name(), TreeMap::new, Collectors.counting()));
        return String.format(Locale.ROOT, "secondary metrics (they never set the exit status): %d %s, %d regression(s)%s, "
                        + "%d improvement(s), %d no change, %d changed, %d inconclusive%s", secondary.size(),
                secondary.size() == 1 ? "row" : "rows", counts.getOrDefault(Verdict.REGRESSION, 0L),
                regressed.isEmpty() ? "" : regressed.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ", " (", ")")),
                counts.getOrDefault(Verdict.IMPROVEMENT, 0L), counts.getOrDefault(Verdict.NO_CHANGE, 0L),
                counts.getOrDefault(Verdict.CHANGED, 0L), counts.getOrDefault(Verdict.INCONCLUSIVE, 0L),
                allMetrics ? "." : "; --all-metrics lists them.");
    }

    private String geomean() {
        RowComparison.Geomean g = c.geomean();
        String ratio = Double.isNaN(g.ratio()) ? "" : ratio(g.ratio()) + interval(g.ciLow(), g.ciHigh(), " ") + ", ";
        return "geomean (" + g.rows() + " rows, time ratio): " + ratio + g.verdictText();
    }

    private static List<List<String>> cells(List<RowComparison> rows, List<Column> columns) {
        List<List<String>> cells = new ArrayList<>();
        rows.forEach(r -> cells.add(columns.stream().map(col -> col.cell().apply(r)).toList()));
        return cells;
    }

    private static int[] widths(List<Column> columns, List<List<String>> cells) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).header().length();
            for (List<String> row : cells) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return widths;
    }

    private static int sum(int[] widths) {
        int s = 0;
        for (int w : widths) {
            s += w;
        }
        return s;
    }

    private static void line(StringBuilder sb, String name, int nameWidth, List<String> cells, List<Column> columns,
                             int[] widths) {
        StringBuilder line = new StringBuilder(pad(name, nameWidth, false));
        for (int i = 0; i < cells.size(); i++) {
            line.append(GAP).append(pad(cells.get(i), widths[i], columns.get(i).right()));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private static String pad(String s, int width, boolean right) {
        String pad = " ".repeat(Math.max(0, width - s.length()));
        return right ? pad + s : s + pad;
    }

    /** {@code compare}'s columns: the sides' scores beside the ratio. */
    private List<Column> scores() {
        return List.of(unit(), side("base", RowComparison::base), side("new", RowComparison::next), ratio(), ci(), verdict());
    }

    private static Column unit() {
        return new Column("unit", false, RowComparison::unit);
    }

    /** A side's score; JMH's error is in the other formats. */
    private static Column side(String header, Function<RowComparison, RowComparison.Side> side) {
        return new Column(header, true, r -> side.apply(r) == null ? "-" : Format.num(side.apply(r).score()));
    }

    private static Column ratio() {
        return new Column("ratio", true, r -> Double.isNaN(r.ratio()) ? "" : ratio(r.ratio()));
    }

    private static Column ci() {
        return new Column("CI", false, r -> interval(r.ciLow(), r.ciHigh(), ""));
    }

    /** {@code [0.990, 1.020]} after {@code before}, or nothing without an interval. */
    private static String interval(double low, double high, String before) {
        return Double.isNaN(low) ? "" : before + "[" + ratio(low) + ", " + ratio(high) + "]";
    }

    private Column verdict() {
        return new Column("verdict", false, this::verdict);
    }

    /** The verdict's words, or its label and the number of a note with the words when they do not fit. */
    private String verdict(RowComparison r) {
        String words = r.verdictText();
        if (words.length() <= VERDICT_WIDTH) {
            return words;
        }
        return r.verdict().label() + " (" + notes.computeIfAbsent(words, w -> notes.size() + 1) + ")";
    }

    /** Three decimals, as the other formats show a ratio; four significant digits from 1000 on, to bound the width. */
    private static String ratio(double x) {
        return Math.abs(x) < 1000 ? Format.ratio(x) : Format.num(x);
    }

    /**
     * Every line of {@code text} within {@link #WIDTH} columns: a longer line (a warning, a note, a
     * summary) breaks at its last space that fits, and goes on indented; a word longer than a line
     * is cut.
     */
    static String wrap(String text) {
        StringBuilder sb = new StringBuilder();
        text.lines().forEach(line -> {
            String rest = line;
            while (rest.length() > WIDTH) {
                int at = rest.lastIndexOf(' ', WIDTH);
                int end = at > INDENT.length() ? at : WIDTH;
                sb.append(rest, 0, end).append('\n');
                rest = INDENT + rest.substring(at > INDENT.length() ? at + 1 : WIDTH);
            }
            sb.append(rest).append('\n');
        });
        return sb.toString();
    }
}
