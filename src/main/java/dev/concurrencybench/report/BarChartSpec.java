package dev.concurrencybench.report;

import java.util.List;

/**
 * Bars side by side, each with its error bar and, where one is known, its ideal.
 *
 * @param yAxis the value axis title, with the unit
 */
public record BarChartSpec(String id, String title, String yAxis, List<Bar> bars, String explanation,
                           String source, List<String> notes) implements ChartSpec {

    public BarChartSpec {
        bars = List.copyOf(bars);
        notes = List.copyOf(notes);
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
     */
    public record Bar(String label, double value, double error, double ideal, String tag, String remark) {

        public Bar {
            tag = tag == null ? "" : tag;
            remark = remark == null ? "" : remark;
        }

        public Bar(String label, double value, double error, double ideal) {
            this(label, value, error, ideal, "", "");
        }

        /** measured / ideal, or NaN when either is missing. */
        public double ratio() {
            return Double.isFinite(value) && Double.isFinite(ideal) && ideal > 0 ? value / ideal : Double.NaN;
        }

        public boolean hasIdeal() {
            return Double.isFinite(ideal) && ideal > 0;
        }
    }

    public boolean hasIdeal() {
        return bars.stream().anyMatch(Bar::hasIdeal);
    }
}
