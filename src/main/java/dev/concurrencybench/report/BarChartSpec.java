package dev.concurrencybench.report;

import java.util.List;
import java.util.Map;

/**
 * Bars side by side, each with its error bar and, where one is known, its ideal.
 *
 * @param yAxis  the value axis title, with the unit
 * @param levels horizontal lines across the chart, e.g. an ideal that is the same for every bar and
 *               cannot be a ratio ("about 0 cores"); empty for none
 */
public record BarChartSpec(String id, String title, String yAxis, List<Bar> bars, String explanation,
                           String source, List<String> notes, List<Level> levels) implements ChartSpec {

    public BarChartSpec {
        bars = List.copyOf(bars);
        notes = List.copyOf(notes);
        levels = List.copyOf(levels);
    }

    public BarChartSpec(String id, String title, String yAxis, List<Bar> bars, String explanation, String source,
                        List<String> notes) {
        this(id, title, yAxis, bars, explanation, source, notes, List.of());
    }

    /** The same chart with other notes. */
    BarChartSpec withNotes(List<String> otherNotes) {
        return new BarChartSpec(id, title, yAxis, bars, explanation, source, otherNotes, levels);
    }

    /**
     * One bar.
     *
     * @param label what was measured, e.g. the model
     * @param value the score; NaN when the row has none (drawn as an empty slot)
     * @param error the half-width of JMH's 99.9% interval; NaN when JMH gave none
     * @param ideal the physical limit in the same unit; NaN when there is none
     * @param tag a category the bar's colour and legend show, e.g. a counter's documented exactness; empty for none
     * @param remark text shown above the bar instead of its ratio or value, e.g. a measured share; empty for none
     * @param extras figures only the table shows, beside the bar's own, by column header (e.g. the CPU
     *               time of the same row, {@link UsageFigures#beside}), in column order; empty for none
     */
    public record Bar(String label, double value, double error, double ideal, String tag, String remark,
                      Map<String, Double> extras) {

        public Bar {
            tag = tag == null ? "" : tag;
            remark = remark == null ? "" : remark;
            extras = Rows.ordered(extras);
        }

        public Bar(String label, double value, double error, double ideal, String tag, String remark) {
            this(label, value, error, ideal, tag, remark, Map.of());
        }

        public Bar(String label, double value, double error, double ideal) {
            this(label, value, error, ideal, "", "");
        }

        /** This bar with {@code more} figures for the table. */
        Bar withExtras(Map<String, Double> more) {
            return new Bar(label, value, error, ideal, tag, remark, more);
        }

        /** measured / ideal, or NaN when either is missing. */
        public double ratio() {
            return Double.isFinite(value) && Double.isFinite(ideal) && ideal > 0 ? value / ideal : Double.NaN;
        }

        public boolean hasIdeal() {
            return Double.isFinite(ideal) && ideal > 0;
        }
    }

    /**
     * A horizontal line at {@code y} across every bar, named in the legend.
     *
     * @param label e.g. {@code ideal: about 0 (at most 0.1 core)}
     */
    public record Level(double y, String label) {
    }

    public boolean hasIdeal() {
        return bars.stream().anyMatch(Bar::hasIdeal);
    }
}
