package dev.concurrencybench.report;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.report.LineChartSpec.Point;
import dev.concurrencybench.report.LineChartSpec.Series;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.usage.UsageMetric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * IO scaling: the time of N sleeping tasks as N grows, a line per model, against the flat ideal of
 * one sleep. Where the file has {@code -prof cpu}'s figures, two more charts show what the N
 * waiters cost besides time: the threads alive at once and the peak resident memory.
 */
final class ScalingLesson implements Lesson {

    static final String SLEEP_TASKS = "IoScalingBenchmark.sleepTasks";
    /** The VIRTUAL_THREADS line carried on to 100,000 tasks. */
    static final String HUNDRED_K = "IoScalingBenchmark.virtualThreads100k";

    static final String TEXT = "Time for N sleeping tasks as N grows, on log axes; the ideal stays at"
            + " one sleep whatever N is. What rises above it is the cost of starting and scheduling N waiters: small"
            + " for virtual threads and timers, which reach 100,000 tasks, larger for a platform thread per task.";

    static final String THREADS_TEXT = "The most threads the benchmark's JVM had alive at once while N tasks slept."
            + " A platform thread per task is an OS thread per task, each with a stack of its own; virtual threads wait"
            + " on a few carrier threads, one per core, however many tasks there are. The JVM's own threads (JIT"
            + " compilers, GC, JMH) are the floor of every line.";

    static final String THREADS_NOTE = "A peak counts the threads alive together, not the threads started: a"
            + " platform thread whose sleep ends before the last ones start is gone by then, so the peak can stay below N.";

    static final String THREADS_JVM_ONLY_NOTE = "Measured without /proc (the unit says 'jvm only'): the JVM's peak of"
            + " live Java platform threads. Virtual threads and the JVM's native threads are not counted.";

    static final String MEMORY_TEXT = "The most resident memory of the benchmark's JVM, and of any process it started,"
            + " while N tasks slept. A platform thread holds a stack of its own; a waiting virtual thread is a small"
            + " object on the heap. The JVM's code and the heap it has touched are the floor of every line.";

    @Override
    public String title() {
        return "IO scaling";
    }

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
        String source = Rows.sourceNames(sources);
        for (Map.Entry<Map<String, String>, List<BenchmarkResult>> g
                : Rows.groupByParams(rows, Set.of("model", "tasks")).entrySet()) {
            charts.add(group(g.getKey(), g.getValue(), charts.id("scaling " + g.getKey()), source));
            Double sleepMs = Rows.doubleParam(g.getKey(), "sleepMs");
            String sleeping = "N tasks that each sleep " + (sleepMs == null ? "D" : Rows.fmt(sleepMs)) + " ms";
            usage(g.getValue(), UsageMetric.OS_THREADS_PEAK, charts.id("threads scaling " + g.getKey()),
                    "IO scaling: threads alive at once, " + sleeping, "threads alive at once (%s, the most in an iteration)",
                    THREADS_TEXT, source).ifPresent(charts::add);
            usage(g.getValue(), UsageMetric.RSS_PEAK, charts.id("memory scaling " + g.getKey()),
                    "IO scaling: peak memory, " + sleeping, "peak resident memory (%s, the JVM and its child processes)",
                    MEMORY_TEXT, source).ifPresent(charts::add);
        }
        charts.genericWithout(sleepTasks, lineRows, "model", "tasks");
        charts.genericWithout(hundredK, hundredKRows, "tasks");
    }

    /** The line a row belongs to: its model, or VIRTUAL_THREADS for the 100,000-task benchmark. */
    private static String model(BenchmarkResult r) {
        return r.shortName().equals(HUNDRED_K) ? ExecutionModel.VIRTUAL_THREADS.name() : r.param("model");
    }

    /**
     * A line per model through each row's figure at its task count, in the order the models first
     * appear; rows without a task count or without the figure are left out.
     *
     * @param figure the row's figure, or null when it has none
     * @param extras whether the points carry the rows' CPU time and cores used for the table
     */
    private static List<Series> lines(List<BenchmarkResult> group, Function<BenchmarkResult, Metric> figure, boolean extras) {
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        for (BenchmarkResult r : group) {
            Integer n = Rows.intParam(r.params(), "tasks");
            Metric m = figure.apply(r);
            if (n == null || m == null) {
                continue;
            }
            lines.computeIfAbsent(model(r), k -> new ArrayList<>())
                    .add(new Point(n, m.score(), m.scoreError(), extras ? UsageFigures.beside(r) : Map.of()));
        }
        List<Series> series = new ArrayList<>();
        lines.forEach((model, points) -> series.add(new Series(model,
                points.stream().sorted(Comparator.comparingDouble(Point::x)).toList(), false)));
        return series;
    }

    private static LineChartSpec group(Map<String, String> params, List<BenchmarkResult> group, String id, String source) {
        List<Series> series = new ArrayList<>(lines(group, BenchmarkResult::primary, true));
        TreeSet<Double> ns = new TreeSet<>();
        series.forEach(s -> s.points().forEach(p -> ns.add(p.x())));
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

    /**
     * A line per model of one {@code -prof cpu} figure against N, or empty when no row has it (a file
     * from before the profiler, or {@code rss.peak} measured without /proc).
     *
     * @param yAxis the axis title, with {@code %s} for the unit
     */
    private static Optional<LineChartSpec> usage(List<BenchmarkResult> group, UsageMetric metric, String id, String title,
                                                 String yAxis, String text, String source) {
        String unit = group.stream().map(r -> UsageFigures.of(r, metric)).filter(m -> m != null).map(Metric::unit)
                .findFirst().orElse(null);
        if (unit == null) {
            return Optional.empty();
        }
        Set<String> otherUnit = new LinkedHashSet<>();
        List<Series> series = lines(group, r -> {
            Metric m = UsageFigures.of(r, metric);
            if (m != null && !unit.equals(m.unit())) {
                otherUnit.add(model(r) + " at " + r.param("tasks") + " (" + m.unit() + ")");
                return null;
            }
            return m;
        }, false);
        List<String> notes = new ArrayList<>();
        if (metric == UsageMetric.OS_THREADS_PEAK) {
            notes.add(THREADS_NOTE);
            if (UsageFigures.jvmOnly(metric, unit)) {
                notes.add(THREADS_JVM_ONLY_NOTE);
            }
        }
        if (!otherUnit.isEmpty()) {
            notes.add("Left out, measured in another unit than '" + unit + "': " + String.join(", ", otherUnit) + ".");
        }
        // Threads span decades (a few dozen against 10,000); memory grows by a few times at most.
        double min = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).filter(y -> y > 0).min().orElse(1);
        double max = series.stream().flatMap(s -> s.points().stream()).mapToDouble(Point::y).max().orElse(1);
        boolean logY = max / min > 20;
        return Optional.of(new LineChartSpec(id, title, "tasks N (log scale)",
                yAxis.formatted(unit) + (logY ? " (log scale)" : ""), true, logY, series, List.of(), List.of(), text,
                source, notes));
    }
}
