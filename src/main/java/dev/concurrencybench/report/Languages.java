package dev.concurrencybench.report;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.model.NotebookTwins;
import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The notebook's own figures beside Java's. The Python program (src/main/python, docs/notebook.md)
 * names its benchmarks after their Java twins ({@code python.CpuBound.fibList} for
 * {@code CpuBoundBenchmark.fibList}), and the CPU, IO and async lessons draw its rows in their
 * twins' charts. In a chart with Python rows every bar is coloured by its language, and labelled with
 * its speed-up over its own language's sequential row, since the two languages' times say little
 * against each other and much against their own baseline. A chart of Java rows alone is unchanged.
 */
final class Languages {

    static final String JAVA = "Java";
    static final String PYTHON = "Python";
    /** A free-threaded build that ran without the GIL (its rows say {@code gil=off}). */
    static final String PYTHON_NO_GIL = "Python, no GIL";
    /** The param that tells a free-threaded build's rows from the others'; never a chart group of its own. */
    static final String GIL = "gil";

    static final String SPEEDUP_NOTE = "Above each bar, and after its language in the note column: its speed-up, its"
            + " own language's sequential time over its time. The table gives each bar's ideal and measured / ideal too.";

    private static final String PREFIX = "python.";

    private Languages() {
    }

    static boolean isPython(BenchmarkResult r) {
        return r.benchmark().startsWith(PREFIX);
    }

    static boolean isPython(Source s) {
        return isPython(s.rows().get(0));
    }

    static boolean anyPython(List<BenchmarkResult> rows) {
        return rows.stream().anyMatch(Languages::isPython);
    }

    /** The language a row was measured in, as its bar's colour and legend name it. */
    static String of(BenchmarkResult r) {
        return !isPython(r) ? JAVA : "off".equals(r.param(GIL)) ? PYTHON_NO_GIL : PYTHON;
    }

    /** Whether a bar's tag names a language (rather than, say, a counter's exactness). */
    static boolean isLanguage(String tag) {
        return Set.of(JAVA, PYTHON, PYTHON_NO_GIL).contains(tag);
    }

    /** The Python twin's short name of a Java benchmark, e.g. {@code CpuBound.fibList} for {@code CpuBoundBenchmark.fibList}. */
    static String pythonTwin(String javaShortName) {
        return javaShortName.replaceFirst("Benchmark\\.", ".");
    }

    /** A bar's label: a Java row's {@code name} as it is, a Python row's after its language, e.g. {@code Python: Thread}. */
    static String label(BenchmarkResult r, String name) {
        return isPython(r) ? of(r) + ": " + name : name;
    }

    /** Java first, then Python, then a free-threaded Python, each in the order given. */
    static List<BenchmarkResult> inLanguageOrder(List<BenchmarkResult> rows) {
        List<String> order = List.of(JAVA, PYTHON, PYTHON_NO_GIL);
        return rows.stream().sorted(java.util.Comparator.comparingInt(r -> order.indexOf(of(r)))).toList();
    }

    /**
     * The Java model a row's {@code model} param stands for: a Java row's by its name in this build
     * ({@code javaNames} remembers a name it lacks), a Python row's by its twin; empty for neither.
     */
    static Optional<ExecutionModel> model(BenchmarkResult r, BuildNames<ExecutionModel> javaNames, Set<String> unknownPython) {
        if (!isPython(r)) {
            return javaNames.find(r.param("model"));
        }
        Optional<ExecutionModel> twin = NotebookTwins.java(r.param("model"));
        if (twin.isEmpty() && r.param("model") != null) {
            unknownPython.add(r.param("model"));
        }
        return twin;
    }

    /** A note naming Python models this build has no twin for; empty when there were none. */
    static Optional<String> unknownPythonNote(Set<String> unknown) {
        return unknown.isEmpty() ? Optional.empty() : Optional.of("Not a model of the notebook's Python program in this"
                + " build: " + String.join(", ", unknown) + "; drawn without an ideal.");
    }

    /** One bar's speed-up over its language's sequential row. */
    record Speedup(String language, String name, double factor) {
    }

    /**
     * Each bar's speed-up over the sequential row of its own language, in bar order; NaN where that
     * language has no sequential row.
     *
     * @param names each row's name in the prose, e.g. its model (without the language)
     */
    static List<Speedup> speedups(List<BenchmarkResult> rows, List<String> names, Predicate<BenchmarkResult> sequential) {
        Map<String, Double> baseline = new LinkedHashMap<>();
        for (BenchmarkResult r : rows) {
            if (sequential.test(r)) {
                baseline.putIfAbsent(of(r), Units.toMillis(r.primary().score(), r.primary().unit()));
            }
        }
        List<Speedup> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            BenchmarkResult r = rows.get(i);
            double ms = Units.toMillis(r.primary().score(), r.primary().unit());
            out.add(new Speedup(of(r), names.get(i), baseline.getOrDefault(of(r), Double.NaN) / ms));
        }
        return out;
    }

    /** The bars, each tagged with its language and remarked with its speed-up, for a chart that has Python rows. */
    static List<Bar> tagged(List<Bar> bars, List<Speedup> speedups) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            Speedup s = speedups.get(i);
            String remark = Double.isFinite(s.factor()) ? String.format(Locale.ROOT, "%.2fx", s.factor()) : "";
            out.add(new Bar(b.label(), b.value(), b.error(), b.ideal(), s.language(), remark, b.extras()));
        }
        return out;
    }

    /**
     * The measured speed-ups as a sentence, language by language, leaving out each sequential row,
     * e.g. {@code Measured speed-ups over each language's own sequential row: Java: FIXED_POOL 2.08x;
     * Python: Thread 0.98x, Pool 1.90x.}
     */
    static String sentence(List<Speedup> speedups, Set<String> sequentialNames) {
        Map<String, List<String>> byLanguage = new LinkedHashMap<>();
        for (Speedup s : speedups) {
            if (!sequentialNames.contains(s.name()) && Double.isFinite(s.factor())) {
                byLanguage.computeIfAbsent(s.language(), l -> new ArrayList<>())
                        .add(String.format(Locale.ROOT, "%s %.2fx", s.name(), s.factor()));
            }
        }
        if (byLanguage.isEmpty()) {
            return "No language has a sequential row here, so no speed-up can be given.";
        }
        return "Measured speed-ups over each language's own sequential row: " + byLanguage.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).collect(Collectors.joining("; ")) + ".";
    }

    static final String SPEEDUP_AXIS = "speed-up over its language's sequential run (x, higher is better)";

    static final String SPEEDUP_ERROR_NOTE = "Error bars combine the 99.9% intervals of the bar's row and its language's"
            + " sequential row to first order (their relative errors added in quadrature).";

    /**
     * The bars of a time chart with Python rows (made by {@link #tagged}) as speed-ups over their own
     * language's sequential row, so that both languages share one axis although their times do not:
     * each bar's value is its sequential time over its time, its ideal the sequential time over its
     * ideal time.
     *
     * @param rows       the time chart's rows, one per bar, in bar order
     * @param sequential which rows are a language's sequential baseline
     */
    static BarChartSpec speedupChart(String id, String title, BarChartSpec times, List<BenchmarkResult> rows,
                                     Predicate<BenchmarkResult> sequential, String explanation) {
        Map<String, Bar> baseline = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (sequential.test(rows.get(i))) {
                baseline.putIfAbsent(of(rows.get(i)), times.bars().get(i));
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (Bar b : times.bars()) {
            Bar seq = baseline.get(b.tag());
            double factor = seq == null ? Double.NaN : seq.value() / b.value();
            double error = factor * Math.hypot(b.error() / b.value(), seq == null ? Double.NaN : seq.error() / seq.value());
            double ideal = seq == null || !b.hasIdeal() ? Double.NaN : seq.value() / b.ideal();
            bars.add(new Bar(b.label(), factor, error, ideal, b.tag(), b.remark()));
        }
        List<String> notes = new ArrayList<>(List.of(SPEEDUP_ERROR_NOTE));
        List<String> without = baseline.keySet().containsAll(languages(rows)) ? List.of()
                : languages(rows).stream().filter(l -> !baseline.containsKey(l)).toList();
        if (!without.isEmpty()) {
            notes.add("No sequential row for " + String.join(", ", without) + ", so its bars have no speed-up.");
        }
        return new BarChartSpec(id, title, SPEEDUP_AXIS, bars, explanation, times.source(), notes);
    }

    /** The languages the rows were measured in, in language order. */
    static Set<String> languages(List<BenchmarkResult> rows) {
        return inLanguageOrder(rows).stream().map(Languages::of).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
