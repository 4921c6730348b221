package dev.concurrencybench.results;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of a JMH JSON results file: one benchmark method in one mode with one combination of
 * {@code @Param} values.
 *
 * @param benchmark  the fully qualified method name, e.g. {@code dev.concurrencybench.bench.CpuBoundBenchmark.fibList}
 * @param params     every {@code @Param} value, in JMH's order; empty for a benchmark without params
 * @param primary    the score JMH reports
 * @param secondary  secondary metrics by name (e.g. {@code gc.alloc.rate.norm} from {@code -prof gc}), in JMH's order
 * @param vm         how the forked JVMs ran
 */
public record BenchmarkResult(String benchmark, BenchMode mode, int threads, int forks, Map<String, String> params,
                              Metric primary, Map<String, Metric> secondary, VmInfo vm) {

    public BenchmarkResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        secondary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secondary));
    }

    /** What identifies a row across files: benchmark, mode and every param value. */
    public RowKey key() {
        return new RowKey(benchmark, mode, params);
    }

    /** The method name without its package, e.g. {@code CpuBoundBenchmark.fibList}. */
    public String shortName() {
        return RowKey.shortName(benchmark);
    }

    /** The benchmark method alone, e.g. {@code fibList}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The simple class name, e.g. {@code CpuBoundBenchmark}; empty when the name has no class part. */
    public String className() {
        int method = benchmark.lastIndexOf('.');
        String owner = method < 0 ? "" : benchmark.substring(0, method);
        return owner.substring(owner.lastIndexOf('.') + 1);
    }

    /** The value of one {@code @Param}, or null when this row does not have it. */
    public String param(String name) {
        return params.get(name);
    }

    /**
     * The secondary metric called {@code name}, whether JMH keyed it by the bare name or as
     * {@code method:name}; null when absent.
     */
    public Metric secondary(String name) {
        Metric m = secondary.get(name);
        return m != null ? m : secondary.get(method() + ":" + name);
    }

    /**
     * The JVM facts JMH records for each row.
     *
     * @param jdkVersion e.g. {@code 21.0.5}
     * @param jvmArgs    the forked JVM's flags
     */
    public record VmInfo(String jmhVersion, String jvm, String jdkVersion, String vmName, String vmVersion,
                         List<String> jvmArgs, int warmupIterations, String warmupTime,
                         int measurementIterations, String measurementTime) {
        public VmInfo {
            jvmArgs = List.copyOf(jvmArgs);
        }
    }

    /**
     * Identity of a row: rows that differ in any param value are different rows.
     */
    public record RowKey(String benchmark, BenchMode mode, Map<String, String> params) {

        public RowKey {
            // Param order is JMH's; identity must not depend on it.
            params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
        }

        /** e.g. {@code CpuBoundBenchmark.fibList ss model=SEQUENTIAL fibs=36,35}. */
        public String display() {
            String p = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" "));
            return shortName(benchmark) + " " + mode.label() + (p.isEmpty() ? "" : " " + p);
        }

        /** The method name without its package, e.g. {@code CpuBoundBenchmark.fibList}. */
        public static String shortName(String benchmark) {
            int method = benchmark.lastIndexOf('.');
            int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
            return benchmark.substring(cls + 1);
        }
    }
}
