package dev.concurrencybench.report;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fallback for rows no lesson can chart: a benchmark no lesson claims (another suite's, or
 * one newer than this build), or a claimed benchmark's rows that lack the params its lesson
 * needs. One bar per row, labelled by the params that vary, without an ideal: never an error.
 */
final class GenericLesson {

    static final String TEXT = "A benchmark without a chart of its own in this report: one bar per row,"
            + " with JMH's error bar.";

    private GenericLesson() {
    }

    static BarChartSpec chart(Charts charts, Source s, List<BenchmarkResult> rows, List<String> notes) {
        Set<String> varying = Rows.varyingParams(rows);
        List<Bar> bars = new ArrayList<>();
        for (BenchmarkResult r : rows) {
            String label = Rows.paramLabel(r, varying);
            bars.add(Rows.bar(label.isEmpty() ? r.method() : label, r, Double.NaN));
        }
        String name = s.shortName() + " " + s.mode().label();
        return new BarChartSpec(charts.id(name), s.shortName() + " (" + Rows.modeName(s.mode()) + ")"
                + Rows.constantSuffix(rows, varying), Rows.axisTitle(rows.get(0)), bars, TEXT, s.run().name(), notes);
    }
}
