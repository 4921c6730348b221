package dev.concurrencybench.report;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pinning: virtual threads that sleep while holding a lock, one bar per kind of lock, against the
 * ideal of one sleep (each task has its own lock and its own virtual thread, so all can wait at once).
 */
final class PinningLesson implements Lesson {

    static final String SLEEP_HOLDING_LOCK = "PinningBenchmark.sleepWhileHoldingLock";

    static final String TEXT = "Each virtual thread sleeps while holding its own lock. On JDK 21 to 23"
            + " a synchronized block (MONITOR) pins the carrier thread, so the tasks take about N / cores sleeps;"
            + " a ReentrantLock, or any lock on JDK 24+ (JEP 491), lets them all wait at once. This run used JDK %s.";

    @Override
    public String title() {
        return "Pinning";
    }

    @Override
    public List<String> benchmarks() {
        return List.of(SLEEP_HOLDING_LOCK);
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        for (Source s : sources) {
            String jdk = Runs.jdk(s.run());
            String text = TEXT.formatted(jdk == null ? "unknown" : jdk);
            charts.groupsWith(s, "lock").forEach((params, group) ->
                    charts.add(group(params, group, charts.id("pinning " + params), text, s.run().name())));
        }
    }

    private static BarChartSpec group(Map<String, String> params, List<BenchmarkResult> group, String id, String text,
                                      String source) {
        Integer tasks = Rows.intParam(params, "tasks");
        Double sleepMs = Rows.doubleParam(params, "sleepMs");
        List<Bar> bars = new ArrayList<>();
        for (BenchmarkResult r : group) {
            double idealMs = tasks == null || sleepMs == null ? Double.NaN : Ideals.sleeps(tasks, sleepMs, tasks);
            bars.add(Rows.bar(r.param("lock"), r, idealMs));
        }
        List<String> notes = tasks == null || sleepMs == null
                ? List.of(IoLesson.NO_SLEEP_PARAMS)
                : List.of("Ideal: D = " + Rows.fmt(sleepMs) + " ms, all " + tasks + " virtual threads waiting at once.");
        String title = "Pinning: " + (tasks == null ? "N" : tasks) + " virtual threads sleep "
                + (sleepMs == null ? "D" : Rows.fmt(sleepMs)) + " ms holding a lock";
        return new BarChartSpec(id, title, Rows.axisTitle(group.get(0)), bars, text, source, notes);
    }
}
