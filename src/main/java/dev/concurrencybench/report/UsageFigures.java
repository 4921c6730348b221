package dev.concurrencybench.report;

import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.usage.Scope;
import dev.concurrencybench.usage.UsageMetric;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The secondary metrics of {@code -prof cpu} (bench/UsageProfiler; names and units in
 * {@link UsageMetric}) as the report shows them. Files from before the profiler, or from a run
 * without it, have none, and every chart and table then stays as it was. A figure measured without
 * {@code /proc} has a unit that ends in {@code (jvm only)}, and the report shows that unit as it is.
 */
final class UsageFigures {

    private static final String JVM_ONLY_SUFFIX = " (jvm only)";

    private UsageFigures() {
    }

    /** The row's figure for {@code metric}; null when the row lacks it. */
    static Metric of(BenchmarkResult r, UsageMetric metric) {
        return r.secondary(metric.label());
    }

    /** Whether any of {@code rows} has {@code metric}. */
    static boolean any(List<BenchmarkResult> rows, UsageMetric metric) {
        return rows.stream().anyMatch(r -> of(r, metric) != null);
    }

    /** Whether {@code unit} is {@code metric}'s unit for the JVM alone, measured without /proc. */
    static boolean jvmOnly(UsageMetric metric, String unit) {
        return Objects.equals(metric.unit(Scope.JVM_ONLY), unit);
    }

    /**
     * The table columns beside a row's time: its CPU time and cores used, by column header (e.g.
     * {@code CPU (ms/op)}, {@code cores used (cores, jvm only)}); empty when the row has neither.
     */
    static Map<String, Double> beside(BenchmarkResult r) {
        Map<String, Double> figures = new LinkedHashMap<>();
        put(figures, "CPU", of(r, UsageMetric.CPU_TIME));
        put(figures, "cores used", of(r, UsageMetric.CPU_CORES));
        return figures;
    }

    private static void put(Map<String, Double> figures, String name, Metric m) {
        if (m != null) {
            figures.put(header(name, m.unit()), m.score());
        }
    }

    /** {@code name (unit)}, with a {@code (jvm only)} unit written {@code (ms/op, jvm only)}. */
    static String header(String name, String unit) {
        String u = unit == null ? "" : unit.strip();
        if (u.endsWith(JVM_ONLY_SUFFIX)) {
            u = u.substring(0, u.length() - JVM_ONLY_SUFFIX.length()) + ", jvm only";
        }
        return u.isEmpty() ? name : name + " (" + u + ")";
    }
}
