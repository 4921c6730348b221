package dev.concurrencybench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A series over runs with an interval band, the levels between its change points and the change
 * points themselves: one row's history (docs/history.md). Runs stand at x = 1, 2, ..., oldest first.
 *
 * @param yAxis     the value axis title
 * @param xAxis     the run axis title
 * @param runs      how many runs the x axis holds
 * @param reference a horizontal dashed line, e.g. at 1 for "as fast as the anchor"; null for none
 */
public record BandChartSpec(String id, String title, String yAxis, String xAxis, int runs, List<Line> lines,
                            List<Level> levels, List<Mark> marks, Reference reference, String explanation, String source,
                            List<String> notes) implements ChartSpec {

    public BandChartSpec {
        lines = List.copyOf(lines);
        levels = List.copyOf(levels);
        marks = List.copyOf(marks);
        notes = List.copyOf(notes);
    }

    /** What a level or mark says: no verdict, slower (drawn red) or faster (green). */
    public enum Tone { PLAIN, REGRESSION, IMPROVEMENT }

    /** One series: its points and, around them, the band of their intervals. */
    public record Line(String name, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    /**
     * One run: its value, its interval, and whether it is flagged on its own (drawn as a red dot).
     */
    public record Point(double x, double y, double low, double high, boolean flagged) {
    }

    /** A horizontal level from run {@code from} to run {@code to}: a segment's mean, with its interval in the table. */
    public record Level(double from, double to, double y, double low, double high, Tone tone) {
    }

    /** A horizontal dashed line across the chart, named in the legend. */
    public record Reference(double y, String label) {
    }

    /** A vertical line just before run {@code x}: a change point. */
    public record Mark(double x, String label, Tone tone) {
    }

    /** The levels as a table: runs, value and interval, and the tone's word. */
    Tables.Table table() {
        List<List<String>> rows = new ArrayList<>();
        for (Level l : levels) {
            rows.add(List.of(String.format(Locale.ROOT, "runs %d to %d", Math.round(l.from()), Math.round(l.to())),
                    Tables.number(l.y()), "[" + Tables.number(l.low()) + ", " + Tables.number(l.high()) + "]",
                    l.tone() == Tone.PLAIN ? "" : l.tone().name().toLowerCase(Locale.ROOT)));
        }
        return new Tables.Table(List.of("segment", yAxis, "95% interval", "against the segment before"), rows);
    }
}
