package dev.concurrencybench.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One metric of one benchmark row: JMH's score and error (the 99.9% half-width JMH prints), its
 * unit, and the measurements behind them.
 *
 * <p>{@code rawData.get(fork).get(iteration)} is one iteration's score, exactly as JMH wrote it.
 * For {@code sample} mode JMH writes histograms instead ({@code rawDataHistogram}); they are kept
 * in {@code histograms} with the same [fork][iteration] shape, and {@code rawData} then holds each
 * iteration's mean, so every consumer can treat every mode alike. Values may be NaN or infinite
 * when JMH wrote them so.
 *
 * @param histograms empty unless the mode was {@code sample}
 */
public record Metric(double score, double scoreError, String unit, List<List<Double>> rawData,
                     List<List<Histogram>> histograms) {

    public Metric {
        rawData = rawData.stream().map(List::copyOf).toList();
        histograms = histograms.stream().map(List::copyOf).toList();
    }

    /** How many forks produced measurements. */
    public int forkCount() {
        return rawData.size();
    }

    /** Iteration scores of one fork, as a fresh array. */
    public double[] iterations(int fork) {
        return rawData.get(fork).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** All iteration scores of all forks, in fork order. */
    public double[] allIterations() {
        return rawData.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Whether a larger value is better for this metric, judged by its unit: {@code ops/...} is a
     * rate (higher is better), {@code .../op} a cost (lower is better); null when the unit says
     * neither (e.g. {@code MB/sec} of allocation, or a count).
     */
    public Boolean higherIsBetterByUnit() {
        return byUnit(unit);
    }

    /** Which way is better, where the unit cannot say it or should not decide it. */
    public enum Direction {
        HIGHER_IS_BETTER, LOWER_IS_BETTER, NONE;

        /** True, false, or null for no direction, as {@link #higherIsBetterByUnit()} answers. */
        public Boolean higherIsBetter() {
            return this == NONE ? null : this == HIGHER_IS_BETTER;
        }
    }

    /**
     * Directions declared by metric name (the secondary metrics of {@code -prof cpu}, bench/UsageProfiler).
     * {@code rss.peak}'s unit (MB) says nothing; more cores or threads is neither better nor worse in
     * itself (busy cores may be doing the work or wasting it), so compare reports them as changed.
     * {@code cpu.profiler} is the profiler's own CPU, not the code under test's, so its ms/op must
     * not make it a cost of that code.
     */
    private static final Map<String, Direction> DECLARED = Map.of(
            "cpu.time", Direction.LOWER_IS_BETTER,
            "cpu.cores", Direction.NONE,
            "os.threads.peak", Direction.NONE,
            "rss.peak", Direction.LOWER_IS_BETTER,
            "cpu.profiler", Direction.NONE);

    /** The direction declared for the metric called {@code name}, if any. */
    public static Optional<Direction> declaredDirection(String name) {
        return Optional.ofNullable(DECLARED.get(name));
    }

    /** Whether a larger value is better for the secondary metric {@code name}: as declared, else by its unit. */
    public static Boolean higherIsBetter(String name, String unit) {
        Direction declared = DECLARED.get(name);
        return declared != null ? declared.higherIsBetter() : byUnit(unit);
    }

    private static Boolean byUnit(String unit) {
        String u = unit == null ? "" : unit.strip();
        if (u.startsWith("ops/")) {
            return Boolean.TRUE;
        }
        if (u.endsWith("/op")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
