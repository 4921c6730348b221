package dev.concurrencybench.report;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IO-bound work: N tasks that each sleep D ms, on every model, against the ideal of
 * {@code ceil(N / in flight)} sleeps ({@link Ideals#sleeps(ExecutionModel, int, double, int)}).
 */
final class IoLesson implements Lesson {

    static final String SLEEP_TASKS = "IoBoundBenchmark.sleepTasks";

    static final String TEXT = "Tasks that sleep use no CPU, so what matters is how many wait at once: a"
            + " thread, virtual thread or timer per task finishes in about one sleep, a pool of P threads needs"
            + " ceil(N / P) rounds, and SEQUENTIAL takes N sleeps. A process per task also pays for a JVM start.";

    /** For every lesson whose ideal needs the sleep params. */
    static final String NO_SLEEP_PARAMS =
            "The tasks or sleepMs param is missing or not a number, so no ideal can be computed.";

    @Override
    public List<String> benchmarks() {
        return List.of(SLEEP_TASKS);
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        for (Source s : sources) {
            Map<Map<String, String>, List<BenchmarkResult>> groups = charts.groupsWith(s, "model");
            if (!groups.isEmpty()) {
                int cores = charts.cores(s.run());
                groups.forEach((params, group) ->
                        charts.add(group(params, group, cores, charts.id("io " + params), s.run().name())));
            }
        }
    }

    private static BarChartSpec group(Map<String, String> params, List<BenchmarkResult> group, int cores, String id,
                                      String source) {
        Integer tasks = Rows.intParam(params, "tasks");
        Double sleepMs = Rows.doubleParam(params, "sleepMs");
        List<String> notes = new ArrayList<>();
        if (tasks == null || sleepMs == null) {
            notes.add(NO_SLEEP_PARAMS);
        } else {
            notes.add(String.format(Locale.ROOT,
                    "Ideal: D = %s ms when all %d tasks run at once, ceil(%d / %d) x D for a pool of %d, %d x D one at a time.",
                    Rows.fmt(sleepMs), tasks, tasks, cores, cores, tasks));
        }
        BuildNames<ExecutionModel> models = new BuildNames<>(ExecutionModel.class, "model");
        List<Bar> bars = new ArrayList<>();
        for (BenchmarkResult r : group) {
            ExecutionModel model = models.find(r.param("model")).orElse(null);
            double idealMs = tasks == null || sleepMs == null || model == null ? Double.NaN
                    : Ideals.sleeps(model, tasks, sleepMs, cores);
            bars.add(Rows.bar(r.param("model"), r, idealMs));
        }
        models.note("drawn without an ideal").ifPresent(notes::add);
        String title = "IO-bound: " + (tasks == null ? "N" : tasks) + " tasks that each sleep "
                + (sleepMs == null ? "D" : Rows.fmt(sleepMs)) + " ms, on each model";
        return new BarChartSpec(id, title, Rows.axisTitle(group.get(0)), bars, TEXT, source, notes);
    }
}
