package dev.concurrencybench.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a results file as the report needs it: which benchmark, its mode and unit, every
 * {@code @Param} value, and the score with its error (NaN when JMH could not estimate one). Kept
 * independent of the JSON format, so chart logic is tested on plain values.
 *
 * @param benchmark the fully qualified benchmark method, e.g. {@code dev.concurrencybench.bench.IoBoundBenchmark.sleepTasks}
 * @param mode JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param unit JMH's score unit, e.g. {@code ms/op} or {@code ops/s}
 * @param secondary secondary metrics by JMH's name for them; empty for most of this suite
 */
public record Measurement(String benchmark, String mode, String unit, Map<String, String> params,
                          double score, double error, Map<String, Secondary> secondary) {

    /** A secondary metric of the row, e.g. an {@code @AuxCounters} field or a {@code -prof gc} figure. */
    public record Secondary(double score, double error, String unit) {
    }

    public Measurement(String benchmark, String mode, String unit, Map<String, String> params, double score, double error) {
        this(benchmark, mode, unit, params, score, error, Map.of());
    }

    public Measurement {
        if (benchmark == null || benchmark.isBlank()) {
            throw new IllegalArgumentException("a measurement needs a benchmark name");
        }
        mode = mode == null ? "" : mode;
        unit = unit == null ? "" : unit;
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = secondary == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    /**
     * The secondary metric called {@code name}, whether JMH keyed it by the bare name or as
     * {@code method:name}; null when absent.
     */
    public Secondary secondary(String name) {
        Secondary s = secondary.get(name);
        return s != null ? s : secondary.get(method() + ":" + name);
    }

    /** The method name, e.g. {@code sleepTasks}. */
    public String method() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(dot + 1);
    }

    /** The simple class name, e.g. {@code IoBoundBenchmark}; empty when the name has no class part. */
    public String className() {
        int dot = benchmark.lastIndexOf('.');
        if (dot < 0) {
            return "";
        }
        String owner = benchmark.substring(0, dot);
        return owner.substring(owner.lastIndexOf('.') + 1);
    }

    /** {@code IoBoundBenchmark.sleepTasks}: short enough for titles, unique within this suite. */
    public String shortName() {
        String owner = className();
        return owner.isEmpty() ? method() : owner + "." + method();
    }

    /** The value of one {@code @Param}, or null when this row does not have it. */
    public String param(String name) {
        return params.get(name);
    }

    /** Throughput is higher-is-better; every other JMH mode measures time. */
    public boolean isThroughput() {
        return mode.equals("thrpt");
    }
}
