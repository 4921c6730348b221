package dev.concurrencybench.report;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What lessons do with rows: group them, label them by their params, read numeric params, make bars. */
final class Rows {

    private Rows() {
    }

    /** Groups in order of first appearance. */
    static <T, K> Map<K, List<T>> groupBy(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    /** Groups rows (all of one mode) by every param except {@code except}. */
    static Map<Map<String, String>, List<BenchmarkResult>> groupByParams(List<BenchmarkResult> rows, Set<String> except) {
        return groupBy(rows, r -> {
            Map<String, String> k = new LinkedHashMap<>(r.params());
            k.keySet().removeAll(except);
            return k;
        });
    }

    /** The params whose value is not the same on every row (absent counts as a value). */
    static Set<String> varyingParams(List<BenchmarkResult> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.params().keySet()));
        Set<String> varying = new LinkedHashSet<>();
        for (String name : names) {
            String v = rows.get(0).param(name);
            if (rows.stream().anyMatch(r -> !Objects.equals(v, r.param(name)))) {
                varying.add(name);
            }
        }
        return varying;
    }

    /**
     * The row's values of {@code names}: {@code k=v, k=v}, or just the value when one param
     * varies and its value is a word (a model's name says what it is; a bare number would not).
     */
    static String paramLabel(BenchmarkResult r, Set<String> names) {
        if (names.size() == 1) {
            String v = r.param(names.iterator().next());
            if (v != null && !v.isBlank() && !v.strip().matches("[-+0-9.,/ ]+")) {
                return v;
            }
        }
        return names.stream().map(n -> n + "=" + (r.param(n) == null ? "-" : r.param(n))).collect(Collectors.joining(", "));
    }

    /** {@code ", k=v, ..."} for the params every row shares, for a title; empty when none. */
    static String constantSuffix(List<BenchmarkResult> rows, Set<String> varying) {
        Map<String, String> constant = new LinkedHashMap<>();
        rows.get(0).params().forEach((k, v) -> {
            if (!varying.contains(k)) {
                constant.put(k, v);
            }
        });
        String text = paramText(constant);
        return text.isEmpty() ? "" : ", " + text;
    }

    static String paramText(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** A positive whole-number param, or null when missing or not one. */
    static Integer intParam(Map<String, String> params, String name) {
        try {
            String v = params.get(name);
            int i = v == null ? -1 : Integer.parseInt(v.strip());
            return i > 0 ? i : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A finite param >= 0, or null when missing or not one. */
    static Double doubleParam(Map<String, String> params, String name) {
        try {
            String v = params.get(name);
            double d = v == null ? -1 : Double.parseDouble(v.strip());
            return d >= 0 && Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A whole number without a decimal point, anything else to three significant figures. */
    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3g", d);
    }

    static String modeName(BenchMode mode) {
        return switch (mode) {
            case THROUGHPUT -> "throughput";
            case AVERAGE_TIME -> "average time";
            case SAMPLE_TIME -> "sampled time";
            case SINGLE_SHOT_TIME -> "single-shot time";
        };
    }

    /** The y-axis title for a row's primary score. */
    static String axisTitle(BenchmarkResult r) {
        return Units.axisTitle(r.mode(), r.primary().unit());
    }

    /**
     * A bar for the row's primary score, with an ideal given in ms per call (NaN for none), and the
     * row's CPU time and cores used for the table when it has them.
     */
    static Bar bar(String label, BenchmarkResult r, double idealMs) {
        return new Bar(label, r.primary().score(), r.primary().scoreError(), Units.fromMillis(idealMs, r.primary().unit()),
                "", "", UsageFigures.beside(r));
    }

    /** An unmodifiable copy that keeps the order of {@code figures}; empty for null. */
    static Map<String, Double> ordered(Map<String, Double> figures) {
        return figures == null || figures.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** The names of the files the sources come from, each once, for a chart's "from" line. */
    static String sourceNames(Collection<Source> sources) {
        return sources.stream().map(s -> s.run().name()).distinct().collect(Collectors.joining(", "));
    }

    /** The position of {@code method} in a lesson's teaching order; unknown methods last. */
    static int order(List<String> known, String method) {
        int i = known.indexOf(method);
        return i < 0 ? known.size() : i;
    }
}
