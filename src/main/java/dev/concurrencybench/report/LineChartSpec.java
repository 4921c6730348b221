package dev.concurrencybench.report;

import java.util.List;
import java.util.Map;

/**
 * Lines over a numeric x axis: time against N for the IO scaling chart, or score against run
 * number for a trend.
 *
 * @param xTickLabels labels for x = 1, 2, ... (a trend's run names); empty for a numeric axis
 * @param markers vertical lines with a label, e.g. where the environment changed
 */
public record LineChartSpec(String id, String title, String xAxis, String yAxis, boolean logX, boolean logY,
                            List<Series> series, List<String> xTickLabels, List<Marker> markers,
                            String explanation, String source, List<String> notes) implements ChartSpec {

    public LineChartSpec {
        series = List.copyOf(series);
        xTickLabels = List.copyOf(xTickLabels);
        markers = List.copyOf(markers);
        notes = List.copyOf(notes);
    }

    /** The same chart with other notes. */
    LineChartSpec withNotes(List<String> otherNotes) {
        return new LineChartSpec(id, title, xAxis, yAxis, logX, logY, series, xTickLabels, markers, explanation, source,
                otherNotes);
    }

    /** One line; {@code ideal} lines are drawn dashed and without markers. */
    public record Series(String name, List<Point> points, boolean ideal) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * One point; {@code error} is NaN when unknown.
     *
     * @param extras figures only the table shows, as for {@link BarChartSpec.Bar#extras()}; empty for none
     */
    public record Point(double x, double y, double error, Map<String, Double> extras) {
        public Point {
            extras = Rows.ordered(extras);
        }

        public Point(double x, double y, double error) {
            this(x, y, error, Map.of());
        }
    }

    /** A vertical line at {@code x}, e.g. between two runs whose JDK differs. */
    public record Marker(double x, String label) {
    }
}
