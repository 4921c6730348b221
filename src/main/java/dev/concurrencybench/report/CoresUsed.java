package dev.concurrencybench.report;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.report.BarChartSpec.Level;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.usage.UsageMetric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A "cores used" chart, which the CPU and IO lessons each draw beside their time chart: one bar per
 * row, its {@code cpu.cores} (CPU time of the JVM and its child processes over wall time, from
 * {@code -prof cpu}), against how many cores the work could keep busy.
 */
final class CoresUsed {

    /**
     * What "about 0 cores" allows for a model that only waits: the JVM still compiles, collects
     * garbage and hands each iteration over to JMH. A 100 ms sleep read 0.03-0.05 cores on the
     * development machine (docs/costs.md); issue 11's target for the IO models is at most 0.1.
     */
    static final double ABOUT_ZERO = 0.1;

    static final String ABOUT_ZERO_NOTE = "About 0 means at most " + Tables.number(ABOUT_ZERO) + " core, the dashed line:"
            + " sleeping uses no CPU, but the JVM still compiles code, collects garbage and hands each iteration over"
            + " to JMH, so a model that only waits reads about 0.03-0.05 cores (docs/costs.md).";

    static final String JVM_ONLY_NOTE = "Measured without /proc (the unit says 'jvm only'): the CPU time of the"
            + " benchmark's JVM alone. Worker JVMs are not counted, so PROCESS_POOL and PROCESS_PER_TASK read as if"
            + " their workers' CPU were free.";

    /**
     * One bar to be.
     *
     * @param idealCores the most cores the work could keep busy; NaN for none
     * @param tag        the bar's colour and legend, e.g. its language ({@link Languages}); empty for none
     */
    record Row(String label, BenchmarkResult row, double idealCores, String tag) {

        Row(String label, BenchmarkResult row, double idealCores) {
            this(label, row, idealCores, "");
        }
    }

    private CoresUsed() {
    }

    /**
     * The chart, or empty when no row has {@code cpu.cores} (a file from before {@code -prof cpu},
     * or a run without it): then there is nothing to draw.
     */
    static Optional<BarChartSpec> chart(String id, String title, List<Row> rows, List<Level> levels, String explanation,
                                        List<String> notes, String source) {
        String unit = rows.stream().map(r -> UsageFigures.of(r.row(), UsageMetric.CPU_CORES)).filter(m -> m != null)
                .map(Metric::unit).findFirst().orElse(null);
        if (unit == null) {
            return Optional.empty();
        }
        List<Bar> bars = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> otherUnit = new LinkedHashSet<>();
        for (Row r : rows) {
            Metric m = UsageFigures.of(r.row(), UsageMetric.CPU_CORES);
            boolean same = m != null && unit.equals(m.unit());
            if (m == null) {
                missing.add(r.label());
            } else if (!same) {
                otherUnit.add(r.label() + " (" + m.unit() + ")");
            }
            bars.add(new Bar(r.label(), same ? m.score() : Double.NaN, same ? m.scoreError() : Double.NaN, r.idealCores(),
                    r.tag(), ""));
        }
        List<String> allNotes = new ArrayList<>(notes);
        if (UsageFigures.jvmOnly(UsageMetric.CPU_CORES, unit)) {
            allNotes.add(JVM_ONLY_NOTE);
        }
        if (!missing.isEmpty()) {
            allNotes.add("No cores-used figure in the results file for: " + String.join(", ", missing) + ".");
        }
        if (!otherUnit.isEmpty()) {
            allNotes.add("Left out, measured in another unit than '" + unit + "': " + String.join(", ", otherUnit) + ".");
        }
        return Optional.of(new BarChartSpec(id, title, "cores used (" + unit + ", CPU time / wall time)", bars, explanation,
                source, allNotes, levels));
    }

    /** The dashed line at {@link #ABOUT_ZERO} for work that only waits. */
    static Level aboutZero() {
        return new Level(ABOUT_ZERO, "ideal: about 0 (at most " + Tables.number(ABOUT_ZERO) + " core)");
    }
}
