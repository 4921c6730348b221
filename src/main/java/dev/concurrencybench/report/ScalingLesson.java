package dev.concurrencybench.report;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.report.LineChartSpec.Point;
import dev.concurrencybench.report.LineChartSpec.Series;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * IO scaling: the time of N sleeping tasks as N grows, a line per model, against the flat ideal of
 * one sleep.
 */
final class ScalingLesson implements Lesson {

    static final String SLEEP_TASKS = "IoScalingBenchmark.sleepTasks";
    /** The VIRTUAL_THREADS line carried on to 100,000 tasks. */
    static final String HUNDRED_K = "IoScalingBenchmark.virtualThreads100k";

    static final String TEXT = "Time for N sleeping tasks as N grows, on log axes; the ideal stays at"
            + " one sleep whatever N is. What rises above it is the cost of starting and scheduling N waiters: small"
            + " for virtual threads and timers, which reach 100,000 tasks, larger for a platform thread per task.";

    @Override
    public List<String> benchmarks() {
        return List.of(SLEEP_TASKS, HUNDRED_K);
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        for (List<Source> sameMode : Rows.groupBy(sources, Source::mode).values()) {
            Source sleepTasks = sameMode.stream().filter(s -> s.shortName().equals(SLEEP_TASKS)).findFirst().orElse(null);
            Source hundredK = sameMode.stream().filter(s -> s.shortName().equals(HUNDRED_K)).findFirst().orElse(null);
            chart(sleepTasks, hundredK, charts);
        }
    }

    private static void chart(Source sleepTasks, Source hundredK, Charts charts) {
        List<BenchmarkResult> lineRows = sleepTasks == null ? List.of()
                : sleepTasks.rows().stream().filter(r -> r.param("model") != null && r.param("tasks") != null).toList();
        List<BenchmarkResult> hundredKRows = hundredK == null ? List.of() : hundredK.withParam("tasks");
        List<Source> sources = Stream.of(sleepTasks, hundredK).filter(s -> s != null).toList();
        List<BenchmarkResult> rows = Stream.concat(lineRows.stream(), hundredKRows.stream()).toList();
        if (rows.isEmpty()) {
            sources.forEach(charts::generic);
            return;
        }
        for (Map.Entry<Map<String, String>, List<BenchmarkResult>> g
                : Rows.groupByParams(rows, Set.of("model", "tasks")).entrySet()) {
            charts.add(group(g.getKey(), g.getValue(), charts.id("scaling " + g.getKey()), Rows.sourceNames(sources)));
        }
        charts.genericWithout(sleepTasks, lineRows, "model", "tasks");
        charts.genericWithout(hundredK, hundredKRows, "tasks");
    }

    private static LineChartSpec group(Map<String, String> params, List<BenchmarkResult> group, String id, String source) {
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        TreeSet<Double> ns = new TreeSet<>();
        for (BenchmarkResult r : group) {
            Integer n = Rows.intParam(r.params(), "tasks");
            if (n == null) {
                continue;
            }
            String model = r.shortName().equals(HUNDRED_K) ? ExecutionModel.VIRTUAL_THREADS.name() : r.param("model");
            lines.computeIfAbsent(model, k -> new ArrayList<>())
                    .add(new Point(n, r.primary().score(), r.primary().scoreError()));
            ns.add((double) n);
        }
        List<Series> series = new ArrayList<>();
        lines.forEach((model, points) -> series.add(new Series(model,
                points.stream().sorted(Comparator.comparingDouble(Point::x)).toList(), false)));
        Double sleepMs = Rows.doubleParam(params, "sleepMs");
        List<String> notes = new ArrayList<>();
        if (sleepMs != null && !ns.isEmpty()) {
            double ideal = Units.fromMillis(sleepMs, group.get(0).primary().unit());
            series.add(new Series("ideal: D = " + Rows.fmt(sleepMs) + " ms",
                    ns.stream().map(n -> new Point(n, ideal, Double.NaN)).toList(), true));
        } else {
            notes.add("The sleepMs param is missing or not a number, so no ideal line is drawn.");
        }
        String title = "IO scaling: N tasks that each sleep " + (sleepMs == null ? "D" : Rows.fmt(sleepMs)) + " ms";
        return new LineChartSpec(id, title, "tasks N (log scale)", Rows.axisTitle(group.get(0)) + " (log scale)",
                true, true, series, List.of(), List.of(), TEXT, source, notes);
    }
}
