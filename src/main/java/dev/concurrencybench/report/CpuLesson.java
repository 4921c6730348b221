package dev.concurrencybench.report;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU-bound work: the fib list on every model, and the divide-and-conquer ForkJoin, against the
 * ideal {@code max(SEQUENTIAL / cores, longest task)} ({@link Ideals#fibList}).
 */
final class CpuLesson implements Lesson {

    static final String LIST = "CpuBoundBenchmark.fibList";
    static final String RECURSIVE = "CpuBoundBenchmark.fibListRecursiveForkJoin";

    static final String TEXT = "Each bar runs the whole fib list once on one model; the red diamond is the"
            + " ideal, max(SEQUENTIAL / %d cores, the longest single task). Java has no GIL: threads, pools and virtual"
            + " threads can all use every core and, on a quiet machine, come close to the ideal, where Python's threads"
            + " took as long as running in sequence.";

    @Override
    public List<String> benchmarks() {
        return List.of(LIST, RECURSIVE);
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        // Both methods of one mode share a chart.
        for (List<Source> sameMode : Rows.groupBy(sources, Source::mode).values()) {
            chart(find(sameMode, LIST), find(sameMode, RECURSIVE), charts);
        }
    }

    private static Source find(List<Source> sources, String benchmark) {
        return sources.stream().filter(s -> s.shortName().equals(benchmark)).findFirst().orElse(null);
    }

    private static void chart(Source list, Source recursive, Charts charts) {
        List<BenchmarkResult> listRows = list == null ? List.of() : list.withParam("model");
        List<BenchmarkResult> recursiveRows = recursive == null ? List.of() : recursive.withParam("fibs");
        List<BenchmarkResult> rows = Stream.concat(listRows.stream(), recursiveRows.stream()).toList();
        if (!rows.isEmpty()) {
            List<Source> sources = Stream.of(list, recursive).filter(s -> s != null).toList();
            int cores = charts.cores(sources.get(0).run());
            for (Map.Entry<Map<String, String>, List<BenchmarkResult>> g
                    : Rows.groupByParams(rows, Set.of("model", "threshold")).entrySet()) {
                String fibs = g.getKey().get("fibs");
                charts.add(group(g.getValue(), fibs, cores, charts.id("cpu " + g.getKey()), Rows.sourceNames(sources)));
            }
        }
        charts.genericWithout(list, listRows, "model");
        charts.genericWithout(recursive, recursiveRows, "fibs");
    }

    private static BarChartSpec group(List<BenchmarkResult> group, String fibs, int cores, String id, String source) {
        List<String> notes = new ArrayList<>();
        List<Integer> ns = Ideals.parseFibs(fibs);
        BenchmarkResult seq = group.stream()
                .filter(r -> r.method().equals("fibList") && ExecutionModel.SEQUENTIAL.name().equals(r.param("model")))
                .findFirst().orElse(null);
        double seqMs = seq == null ? Double.NaN : Units.toMillis(seq.primary().score(), seq.primary().unit());
        if (seq == null) {
            notes.add("No SEQUENTIAL row for this fib list, so no ideal can be computed.");
        } else if (ns == null) {
            notes.add("The fibs param '" + fibs + "' is not a fib list, so no ideal can be computed.");
        } else if (!Double.isFinite(seqMs)) {
            notes.add("The SEQUENTIAL score has no usable value or unit, so no ideal can be computed.");
        } else {
            notes.add(String.format(Locale.ROOT,
                    "Ideal = max(SEQUENTIAL / %d cores, longest task); the longest task, fib(%d), is %.1f%% of the"
                            + " list's work (by call count), so it takes %.1f ms of SEQUENTIAL's %.1f ms.",
                    cores, ns.stream().mapToInt(Integer::intValue).max().orElse(0),
                    100 * Ideals.longestShare(ns), seqMs * Ideals.longestShare(ns), seqMs));
        }
        boolean canIdeal = seq != null && ns != null && Double.isFinite(seqMs);
        BuildNames<ExecutionModel> models = new BuildNames<>(ExecutionModel.class, "model");
        List<Bar> bars = new ArrayList<>();
        for (BenchmarkResult r : group) {
            double idealMs = Double.NaN;
            String label;
            if (r.method().equals("fibList")) {
                label = r.param("model");
                ExecutionModel model = models.find(label).orElse(null);
                if (canIdeal && model != null) {
                    idealMs = Ideals.fibList(model, seqMs, ns, cores);
                }
            } else {
                label = "recursive ForkJoin" + (r.param("threshold") == null ? "" : " (threshold " + r.param("threshold") + ")");
                if (canIdeal) {
                    idealMs = Ideals.fibSplit(seqMs, cores);
                }
            }
            bars.add(Rows.bar(label, r, idealMs));
        }
        models.note("drawn without an ideal").ifPresent(notes::add);
        String title = "CPU-bound: fib list" + (fibs == null ? "" : " (" + fibs + ")") + " on each model";
        return new BarChartSpec(id, title, Rows.axisTitle(group.get(0)), bars,
                TEXT.formatted(cores), source, notes);
    }
}
