package dev.concurrencybench.report;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The asyncio lessons on one event-loop thread, all methods on one chart: N jobs one at a time or
 * gathered, a blocking call in the loop, and the two styles of error handling. The notebook's own
 * asyncio lessons in Python join the chart of the same jobs and sleep ({@link Languages}).
 */
final class AsyncLesson implements Lesson {

    /** In teaching order: the sequential/gather pair, the blocking call, the two error styles. */
    static final List<String> METHODS =
            List.of("awaitOneAtATime", "gatherAll", "blockingSleepInEventLoop", "errorsFailFast", "errorsCollectAll");

    static final String TEXT_LANGUAGES = "The asyncio lessons on one event-loop thread, in Java and in the notebook's"
            + " own asyncio (its colour), each bar labelled with its speed-up over its own language's one-at-a-time"
            + " awaiting: gathering takes one sleep, a blocking sleep inside the loop serialises everything again, and"
            + " failing fast or collecting every outcome with return_exceptions both finish in about one sleep.";

    static final String TEXT = "The asyncio lessons on one event-loop thread: awaiting jobs one at a time"
            + " takes N sleeps and gathering them takes one; a blocking sleep inside the loop serialises everything."
            + " Failing fast and collecting every outcome both finish in about one sleep.";

    @Override
    public String title() {
        return "Async";
    }

    @Override
    public List<String> benchmarks() {
        List<String> java = METHODS.stream().map(m -> "AsyncBenchmark." + m).toList();
        return Stream.concat(java.stream(), java.stream().map(Languages::pythonTwin)).toList();
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        for (List<Source> sameMode : Rows.groupBy(sources, Source::mode).values()) {
            List<BenchmarkResult> rows = Languages.inLanguageOrder(sameMode.stream().flatMap(s -> s.rows().stream())
                    .sorted(Comparator.comparingInt(r -> Rows.order(METHODS, r.method())))
                    .toList());
            // Python's rows join the chart of Java's with the same jobs and sleep.
            for (Map.Entry<Map<String, String>, List<BenchmarkResult>> g
                    : Rows.groupByParams(rows, Set.of(Languages.GIL)).entrySet()) {
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
            bars.add(Rows.bar(Languages.label(r, r.method()), r, idealMs));
        }
        List<String> notes = tasks == null || sleepMs == null
                ? List.of(IoLesson.NO_SLEEP_PARAMS)
                : List.of("Ideal: " + tasks + " x D = " + Rows.fmt(tasks * sleepMs) + " ms for the one-at-a-time shapes, D = "
                        + Rows.fmt(sleepMs) + " ms for the gathered ones.");
        String title = "Async: " + (tasks == null ? "N" : tasks) + " jobs of " + (sleepMs == null ? "D" : Rows.fmt(sleepMs))
                + " ms on one event loop";
        String text = TEXT;
        if (Languages.anyPython(group)) {
            List<Languages.Speedup> speedups = Languages.speedups(group, group.stream().map(BenchmarkResult::method).toList(),
                    r -> r.method().equals(METHODS.get(0)));
            bars = Languages.tagged(bars, speedups);
            text = TEXT_LANGUAGES + " " + Languages.sentence(speedups, Set.of(METHODS.get(0)));
            notes = Stream.concat(notes.stream(), Stream.of(Languages.SPEEDUP_NOTE)).toList();
        }
        return new BarChartSpec(id, title, Rows.axisTitle(group.get(0)), bars, text, source, notes);
    }
}
