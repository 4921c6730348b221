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

/**
 * IO-bound work: N tasks that each sleep D ms, on every model, against the ideal of
 * {@code ceil(N / in flight)} sleeps ({@link Ideals#sleeps(ExecutionModel, int, double, int)}). The
 * notebook's own sleeping tasks in Python join the chart of the same tasks and sleep ({@link Languages}).
 */
final class IoLesson implements Lesson {

    static final String SLEEP_TASKS = "IoBoundBenchmark.sleepTasks";
    /** The notebook's own sleeping tasks in Python, drawn beside Java's (docs/notebook.md). */
    static final String PYTHON_SLEEP_TASKS = Languages.pythonTwin(SLEEP_TASKS);

    static final String TEXT = "Tasks that sleep use no CPU, so what matters is how many wait at once: a"
            + " thread, virtual thread or timer per task finishes in about one sleep, a pool of P threads needs"
            + " ceil(N / P) rounds, and SEQUENTIAL takes N sleeps. A process per task also pays for a JVM start.";

    static final String TEXT_LANGUAGES = "The same sleeping tasks in Java and in the notebook's Python (its colour),"
            + " each bar labelled with its speed-up over its own language's sequential run. Sleeping needs no CPU, so"
            + " the GIL does not hold Python's threads back here: a thread or process per task finishes in about one"
            + " sleep in either language, plus what starting them costs, and a pool of P needs ceil(N / P) rounds.";

    static final String CORES_TEXT = "How many cores each model kept busy while its tasks slept: its CPU time (the JVM"
            + " and every process it started) divided by its wall time. Waiting costs no CPU, so every model should read"
            + " about 0, however long it took; a process per task is the exception, because each task starts a JVM.";

    /** For every lesson whose ideal needs the sleep params. */
    static final String NO_SLEEP_PARAMS =
            "The tasks or sleepMs param is missing or not a number, so no ideal can be computed.";

    @Override
    public String title() {
        return "IO-bound";
    }

    @Override
    public List<String> benchmarks() {
        return List.of(SLEEP_TASKS, PYTHON_SLEEP_TASKS);
    }

    @Override
    public void plan(List<Source> sources, Charts charts) {
        // Python's rows join the chart of Java's with the same tasks and sleep; any others get charts of their own.
        Map<Map<String, String>, List<BenchmarkResult>> python = new LinkedHashMap<>();
        Map<Map<String, String>, Source> pythonSource = new LinkedHashMap<>();
        for (Source s : sources.stream().filter(Languages::isPython).toList()) {
            charts.groupsWith(s, "model", Languages.GIL).forEach((params, group) -> {
                python.computeIfAbsent(params, p -> new ArrayList<>()).addAll(group);
                pythonSource.put(params, s);
            });
        }
        for (Source s : sources.stream().filter(s -> !Languages.isPython(s)).toList()) {
            Map<Map<String, String>, List<BenchmarkResult>> groups = charts.groupsWith(s, "model");
            if (!groups.isEmpty()) {
                int cores = charts.cores(s.run());
                groups.forEach((params, group) -> {
                    List<BenchmarkResult> rows = new ArrayList<>(group);
                    String source = s.run().name();
                    if (python.containsKey(params)) {
                        rows.addAll(python.remove(params));
                        source = Rows.sourceNames(List.of(s, pythonSource.get(params)));
                    }
                    chart(params, rows, cores, source, charts);
                });
            }
        }
        python.forEach((params, group) -> chart(params, group, charts.cores(pythonSource.get(params).run()),
                pythonSource.get(params).run().name(), charts));
    }

    private static void chart(Map<String, String> params, List<BenchmarkResult> rows, int cores, String source, Charts charts) {
        charts.add(group(params, rows, cores, charts.id("io " + params), source));
        cores(params, rows, charts.id("cores io " + params), source).ifPresent(charts::add);
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
        Set<String> unknownPython = new LinkedHashSet<>();
        List<Bar> bars = new ArrayList<>();
        for (BenchmarkResult r : group) {
            ExecutionModel model = Languages.model(r, models, unknownPython).orElse(null);
            double idealMs = tasks == null || sleepMs == null || model == null ? Double.NaN
                    : Ideals.sleeps(model, tasks, sleepMs, cores);
            bars.add(Rows.bar(Languages.label(r, r.param("model")), r, idealMs));
        }
        models.note("drawn without an ideal").ifPresent(notes::add);
        Languages.unknownPythonNote(unknownPython).ifPresent(notes::add);
        String text = TEXT;
        if (Languages.anyPython(group)) {
            List<Languages.Speedup> speedups = Languages.speedups(group, group.stream().map(r -> r.param("model")).toList(),
                    r -> Languages.model(r, models, unknownPython).orElse(null) == ExecutionModel.SEQUENTIAL);
            bars = Languages.tagged(bars, speedups);
            text = TEXT_LANGUAGES + " " + Languages.sentence(speedups, Set.of(ExecutionModel.SEQUENTIAL.name(),
                    NotebookTwins.python(ExecutionModel.SEQUENTIAL).orElseThrow()));
            notes.add(Languages.SPEEDUP_NOTE);
        }
        return new BarChartSpec(id, "IO-bound: " + title(params), Rows.axisTitle(group.get(0)), bars, text, source, notes);
    }

    private static String title(Map<String, String> params) {
        Integer tasks = Rows.intParam(params, "tasks");
        Double sleepMs = Rows.doubleParam(params, "sleepMs");
        return (tasks == null ? "N" : tasks) + " tasks that each sleep " + (sleepMs == null ? "D" : Rows.fmt(sleepMs))
                + " ms, on each model";
    }

    /** The cores each model kept busy, against about 0: sleeping uses no CPU. */
    private static Optional<BarChartSpec> cores(Map<String, String> params, List<BenchmarkResult> group, String id,
                                                String source) {
        boolean languages = Languages.anyPython(group);
        List<CoresUsed.Row> rows = group.stream().map(r -> new CoresUsed.Row(Languages.label(r, r.param("model")), r,
                Double.NaN, languages ? Languages.of(r) : "")).toList();
        List<String> notes = new ArrayList<>(List.of(CoresUsed.ABOUT_ZERO_NOTE));
        if (group.stream().anyMatch(r -> ExecutionModel.PROCESS_PER_TASK.name().equals(r.param("model")))) {
            notes.add("PROCESS_PER_TASK is the exception: each of its tasks starts a JVM, which loads classes and"
                    + " compiles code, and that is CPU work.");
        }
        return CoresUsed.chart(id, "IO-bound: cores used by " + title(params), rows, List.of(CoresUsed.aboutZero()),
                CORES_TEXT, notes, source);
    }
}
