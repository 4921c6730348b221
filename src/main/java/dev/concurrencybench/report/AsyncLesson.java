package dev.concurrencybench.report;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The asyncio lessons on one event-loop thread, all methods on one chart: N jobs one at a time or
 * gathered, a blocking call in the loop, and the two styles of error handling.
 */
final class AsyncLesson implements Lesson {

    /** In teaching order: the sequential/gather pair, the blocking call, the two error styles. */
    static final List<String> METHODS =
            List.of("awaitOneAtATime", "gatherAll", "blockingSleepInEventLoop", "errorsFailFast", "errorsCollectAll");

    static final String TEXT = "The asyncio lessons on one event-loop thread: awaiting jobs one at a time"
            + " takes N sleeps and gathering them takes one; a blocking sleep inside the loop serialises everything."
            + " Failing fast and collecting every outcome both finish in about one sleep.";

    @Override
    public List<String> benchmarks() {
        return METHODS.stream().map(m -> "AsyncBenchmark." + m).toList();
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        for (List<Source> sameMode : Rows.groupBy(sources, Source::mode).values()) {
            List<BenchmarkResult> rows = sameMode.stream().flatMap(s -> s.rows().stream())
                    .sorted(Comparator.comparingInt(r -> Rows.order(METHODS, r.method())))
                    .toList();
            for (Map.Entry<Map<String, String>, List<BenchmarkResult>> g : Rows.groupByParams(rows, Set.of()).entrySet()) {
                charts.add(group(g.getKey(), g.getValue(), charts.id("async " + g.getKey()), Rows.sourceNames(sameMode)));
            }
        }
    }

    private static BarChartSpec group(Map<String, String> params, List<BenchmarkResult> group, String id, String source) {
        Integer tasks = Rows.intParam(params, "tasks");
        Double sleepMs = Rows.doubleParam(params, "sleepMs");
        List<Bar> bars = new ArrayList<>();
        for (BenchmarkResult r : group) {
            double idealMs = tasks == null || sleepMs == null ? Double.NaN : switch (r.method()) {
                case "awaitOneAtATime", "blockingSleepInEventLoop" -> Ideals.sleeps(tasks, sleepMs, 1);
                case "gatherAll", "errorsFailFast", "errorsCollectAll" -> Ideals.sleeps(tasks, sleepMs, tasks);
                default -> Double.NaN;
            };
            bars.add(Rows.bar(r.method(), r, idealMs));
        }
        List<String> notes = tasks == null || sleepMs == null
                ? List.of(IoLesson.NO_SLEEP_PARAMS)
                : List.of("Ideal: " + tasks + " x D = " + Rows.fmt(tasks * sleepMs) + " ms for the one-at-a-time shapes, D = "
                        + Rows.fmt(sleepMs) + " ms for the gathered ones.");
        String title = "Async: " + (tasks == null ? "N" : tasks) + " jobs of " + (sleepMs == null ? "D" : Rows.fmt(sleepMs))
                + " ms on one event loop";
        return new BarChartSpec(id, title, Rows.axisTitle(group.get(0)), bars, TEXT, source, notes);
    }
}
