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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU-bound work: the fib list on every model, and the divide-and-conquer ForkJoin, against the
 * ideal {@code max(SEQUENTIAL / cores, longest task)} ({@link Ideals#fibList}), or, where the
 * run's sidecar has core checks, {@code max(work / capacity, longest task on the fastest CPU)}
 * ({@link Ideals#fibListOn}, {@link CoreSpeeds}). Where the file has {@code -prof cpu}'s figures, a
 * second chart shows the cores each model kept busy. The notebook's own fib list in Python joins both
 * charts when a results file has it ({@link Languages}).
 */
final class CpuLesson implements Lesson {

    static final String LIST = "CpuBoundBenchmark.fibList";
    static final String RECURSIVE = "CpuBoundBenchmark.fibListRecursiveForkJoin";
    /** The notebook's own fib list in Python, drawn beside Java's (docs/notebook.md). */
    static final String PYTHON_LIST = Languages.pythonTwin(LIST);

    static final String TEXT = "Each bar runs the whole fib list once on one model; the red diamond is the"
            + " ideal, max(SEQUENTIAL / %d cores, the longest single task). Java has no GIL: threads, pools and virtual"
            + " threads can all use every core and, on a quiet machine, come close to the ideal, where Python's threads"
            + " took as long as running in sequence.";

    static final String TEXT_MEASURED = "Each bar runs the whole fib list once on one model; the red diamond is the"
            + " ideal, max(the work / the capacity of the CPUs a model can use, the longest single task on the fastest"
            + " CPU), with the CPUs' speeds from the core checks (capacity %s of %d CPUs). Java has no GIL: threads, pools"
            + " and virtual threads can all use every core and, on a quiet machine, come close to the ideal, where"
            + " Python's threads took as long as running in sequence.";

    static final String TEXT_LANGUAGES = "Each bar runs the whole fib list once on one model, in Java or in the"
            + " notebook's Python (its colour), and is labelled with its speed-up over its own language's sequential run;"
            + " the red diamond is its ideal, from its own language's sequential time (the notes say how). Java has no"
            + " GIL, so its threads and pools can use every core; CPython's threads take turns holding the GIL, so only"
            + " its processes, or a free-threaded build without the GIL, can.";

    static final String SPEEDUP_TEXT = "The runs of the chart above as speed-ups, each over its own language's"
            + " sequential run, so that Java and the notebook's Python share one axis although their times differ"
            + " tenfold; a red diamond is the most that model could gain on this machine, its sequential time over its"
            + " ideal time.";

    static final String CORES_TEXT_LANGUAGES = "How many cores each model kept busy, in Java and in the notebook's Python:"
            + " its CPU time (the process and every process it started) divided by its wall time. A language whose"
            + " threads take turns holding a lock, as CPython's hold the GIL, keeps about one core busy however many"
            + " threads it starts.";

    static final String CORES_TEXT = "How many cores each model kept busy: its CPU time (the JVM and every process it"
            + " started) divided by its wall time. Java's threads keep every core busy; Python's threads would read 1"
            + " here, because of the GIL. A process per task also spends CPU starting its JVMs.";

    /** Each language's sequential model, left out of the prose's speed-ups. */
    private static final Set<String> SEQUENTIAL_NAMES = Set.of(ExecutionModel.SEQUENTIAL.name(),
            NotebookTwins.python(ExecutionModel.SEQUENTIAL).orElseThrow());

    /** A bar this far below its ideal shows the ideal is wrong, not that the model beat it. */
    static final double BELOW_IDEAL = 0.9;

    @Override
    public String title() {
        return "CPU-bound";
    }

    @Override
    public List<String> benchmarks() {
        return List.of(LIST, RECURSIVE, PYTHON_LIST);
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        // Both methods of one mode share a chart.
        for (List<Source> sameMode : Rows.groupBy(sources, Source::mode).values()) {
            chart(find(sameMode, LIST), find(sameMode, RECURSIVE), find(sameMode, PYTHON_LIST), charts);
        }
    }

    private static Source find(List<Source> sources, String benchmark) {
        return sources.stream().filter(s -> s.shortName().equals(benchmark)).findFirst().orElse(null);
    }

    private static void chart(Source list, Source recursive, Source python, Charts charts) {
        List<BenchmarkResult> listRows = list == null ? List.of() : list.withParam("model");
        List<BenchmarkResult> recursiveRows = recursive == null ? List.of() : recursive.withParam("fibs");
        List<BenchmarkResult> pythonRows = python == null ? List.of() : python.withParam("model");
        List<BenchmarkResult> rows = Stream.of(listRows, recursiveRows, pythonRows).flatMap(List::stream).toList();
        if (!rows.isEmpty()) {
            List<Source> sources = Stream.of(list, recursive, python).filter(s -> s != null).toList();
            int cores = charts.cores(sources.get(0).run());
            CoreSpeeds speeds = CoreSpeeds.of(sources.get(0).run(), cores);
            // Python's rows join the chart of Java's with the same fib list.
            for (Map.Entry<Map<String, String>, List<BenchmarkResult>> g
                    : Rows.groupByParams(rows, Set.of("model", "threshold", Languages.GIL)).entrySet()) {
                String fibs = g.getKey().get("fibs");
                String source = Rows.sourceNames(sources);
                BarChartSpec times = group(g.getValue(), fibs, speeds, charts.id("cpu " + g.getKey()), source);
                charts.add(times);
                if (Languages.anyPython(g.getValue())) {
                    charts.add(Languages.speedupChart(charts.id("speedup cpu " + g.getKey()), "CPU-bound: speed-up of the "
                            + title(fibs).replace(" on each model", "") + " over each language's sequential run", times,
                            g.getValue(), CpuLesson::isSequential, SPEEDUP_TEXT + " " + Languages.sentence(speedups(g.getValue()),
                                    SEQUENTIAL_NAMES)));
                }
                cores(g.getValue(), fibs, cores, charts.id("cores cpu " + g.getKey()), source).ifPresent(charts::add);
            }
        }
        charts.genericWithout(list, listRows, "model");
        charts.genericWithout(recursive, recursiveRows, "fibs");
        charts.genericWithout(python, pythonRows, "model");
    }

    private static String label(BenchmarkResult r) {
        return r.method().equals("fibList") ? r.param("model")
                : "recursive ForkJoin" + (r.param("threshold") == null ? "" : " (threshold " + r.param("threshold") + ")");
    }

    private static String title(String fibs) {
        return "fib list" + (fibs == null ? "" : " (" + fibs + ")") + " on each model";
    }

    private static BarChartSpec group(List<BenchmarkResult> group, String fibs, CoreSpeeds speeds, String id, String source) {
        int cores = speeds.cpus();
        List<String> notes = new ArrayList<>();
        List<Integer> ns = Ideals.parseFibs(fibs);
        BuildNames<ExecutionModel> models = new BuildNames<>(ExecutionModel.class, "model");
        Set<String> unknownPython = new LinkedHashSet<>();
        // Each language's sequential time is its work, from which its own bars' ideals follow.
        Map<String, Double> work = new LinkedHashMap<>();
        group.stream().filter(CpuLesson::isSequential).forEach(r -> work.putIfAbsent(Languages.of(r),
                Units.toMillis(r.primary().score(), r.primary().unit())));
        String first = Languages.of(group.get(0));
        BenchmarkResult seq = group.stream().filter(r -> Languages.of(r).equals(first)).filter(CpuLesson::isSequential)
                .findFirst().orElse(null);
        double seqMs = seq == null ? Double.NaN : work.get(first);
        if (seq == null) {
            notes.add("No SEQUENTIAL row for this fib list, so no ideal can be computed.");
        } else if (ns == null) {
            notes.add("The fibs param '" + fibs + "' is not a fib list, so no ideal can be computed.");
        } else if (!Double.isFinite(seqMs)) {
            notes.add("The SEQUENTIAL score has no usable value or unit, so no ideal can be computed.");
        } else {
            int longest = ns.stream().mapToInt(Integer::intValue).max().orElse(0);
            double share = Ideals.longestShare(ns);
            notes.add(speeds.measured()
                    ? String.format(Locale.ROOT, "Ideal = max(work / capacity of the CPUs the model can use, longest task"
                            + " on the fastest CPU). The work is SEQUENTIAL's %.1f ms, taken as its time on the fastest"
                            + " CPU; the longest task, fib(%d), is %.1f%% of it (by call count), so %.1f ms. That is exact"
                            + " when SEQUENTIAL is pinned to the fastest CPU with --cpus (docs/machine.md); if it ran on a"
                            + " slower one, every ideal here is too generous.", seqMs, longest, 100 * share, seqMs * share)
                    : String.format(Locale.ROOT, "Ideal = max(SEQUENTIAL / %d cores, longest task); the longest task,"
                            + " fib(%d), is %.1f%% of the list's work (by call count), so it takes %.1f ms of"
                            + " SEQUENTIAL's %.1f ms.", cores, longest, 100 * share, seqMs * share, seqMs));
        }
        notes.add(speeds.describe());
        List<Bar> bars = new ArrayList<>();
        for (BenchmarkResult r : group) {
            double idealMs = Double.NaN;
            Double langWork = work.get(Languages.of(r));
            boolean canIdeal = ns != null && langWork != null && Double.isFinite(langWork);
            if (r.method().equals("fibList")) {
                ExecutionModel model = Languages.model(r, models, unknownPython).orElse(null);
                if (canIdeal && model != null) {
                    idealMs = Ideals.fibListOn(langWork, ns, speeds.capacity(Ideals.cpusUsable(model, ns, cores)));
                }
            } else if (canIdeal) {
                idealMs = langWork / speeds.capacity();
            }
            bars.add(Rows.bar(Languages.label(r, label(r)), r, idealMs));
        }
        models.note("drawn without an ideal").ifPresent(notes::add);
        Languages.unknownPythonNote(unknownPython).ifPresent(notes::add);
        belowIdeal(bars).ifPresent(notes::add);
        String text = speeds.measured()
                ? TEXT_MEASURED.formatted(String.format(Locale.ROOT, "%.2f", speeds.capacity()), cores)
                : TEXT.formatted(cores);
        if (Languages.anyPython(group)) {
            List<Languages.Speedup> speedups = speedups(group);
            bars = Languages.tagged(bars, speedups);
            text = TEXT_LANGUAGES + " " + Languages.sentence(speedups, SEQUENTIAL_NAMES);
            work.forEach((language, ms) -> {
                if (!language.equals(first)) {
                    notes.add(String.format(Locale.ROOT, "%s's ideals: the same formula over its own sequential time,"
                            + " %.1f ms.", language, ms));
                }
            });
            notes.add(Languages.SPEEDUP_NOTE);
        }
        return new BarChartSpec(id, "CPU-bound: " + title(fibs), Rows.axisTitle(group.get(0)), bars, text, source, notes);
    }

    private static List<Languages.Speedup> speedups(List<BenchmarkResult> group) {
        return Languages.speedups(group, group.stream().map(CpuLesson::label).toList(), CpuLesson::isSequential);
    }

    /** Whether a row is its language's sequential run of the fib list. */
    private static boolean isSequential(BenchmarkResult r) {
        return r.method().equals("fibList") && SEQUENTIAL_NAMES.contains(r.param("model"));
    }

    /** A note naming the bars well below their ideal, which says the ideal is too generous; empty for none. */
    private static Optional<String> belowIdeal(List<Bar> bars) {
        List<Bar> below = bars.stream().filter(b -> b.ratio() < BELOW_IDEAL).toList();
        if (below.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Below " + Tables.number(BELOW_IDEAL) + "x of the ideal: "
                + below.stream().map(b -> String.format(Locale.ROOT, "%s %.2fx", b.label(), b.ratio()))
                        .collect(Collectors.joining(", "))
                + ". No model beats its ideal, so SEQUENTIAL, which sets the work, probably ran on a slower CPU or at a"
                + " slower moment than these. Pin the run with --cpus, or take it on a quieter machine.");
    }

    /** The cores each row kept busy, against as many as its model can use and the work allows. */
    private static Optional<BarChartSpec> cores(List<BenchmarkResult> group, String fibs, int cores, String id,
                                                          String source) {
        List<Integer> ns = Ideals.parseFibs(fibs);
        BuildNames<ExecutionModel> models = new BuildNames<>(ExecutionModel.class, "model");
        Set<String> unknownPython = new LinkedHashSet<>();
        boolean languages = Languages.anyPython(group);
        List<CoresUsed.Row> rows = new ArrayList<>();
        for (BenchmarkResult r : group) {
            double ideal = Double.NaN;
            if (ns != null && r.method().equals("fibList")) {
                ExecutionModel model = Languages.model(r, models, unknownPython).orElse(null);
                ideal = model == null ? Double.NaN : Ideals.coresUsed(ns, Ideals.cpusUsable(model, ns, cores));
            } else if (ns != null) {
                ideal = cores;
            }
            rows.add(new CoresUsed.Row(Languages.label(r, label(r)), r, ideal, languages ? Languages.of(r) : ""));
        }
        List<String> notes = new ArrayList<>();
        if (ns == null) {
            notes.add("The fibs param '" + fibs + "' is not a fib list, so no ideal can be computed.");
        } else {
            double share = Ideals.longestShare(ns);
            notes.add(String.format(Locale.ROOT, "Ideal: as many of the %d cores as the model can use (1 for SEQUENTIAL),"
                    + " but no more than the work over its longest task, which ends last: fib(%d) is %.1f%% of the work,"
                    + " so %.2f cores. The recursive ForkJoin splits every task, so all %d. It counts cores, not their"
                    + " speed, as cpu.cores does.", cores, ns.stream().mapToInt(Integer::intValue).max().orElse(0),
                    100 * share, 1 / share, cores));
        }
        models.note("drawn without an ideal").ifPresent(notes::add);
        Languages.unknownPythonNote(unknownPython).ifPresent(notes::add);
        return CoresUsed.chart(id, "CPU-bound: cores used by the " + title(fibs), rows, List.of(),
                languages ? CORES_TEXT_LANGUAGES : CORES_TEXT, notes, source);
    }
}
