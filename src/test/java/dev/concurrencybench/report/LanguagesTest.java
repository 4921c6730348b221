package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.bar;
import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.PythonInterpreter;
import dev.concurrencybench.results.ResultsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;

/** The notebook's Python rows beside Java's in the CPU, IO and async charts (Languages). */
class LanguagesTest {

    private static final ResultsFile JAVA = Fixtures.run("java.json", Fixtures.suite(), 2, "25.0.3");

    private static ResultsFile python(List<BenchmarkResult> rows) {
        return new ResultsFile(Path.of("python.json"), rows, Optional.of(Fixtures.sidecar(2, "2026-01-01T00:05:00Z")));
    }

    private static final ResultsFile PYTHON = python(Fixtures.python(false));

    @Test
    void theCpuChartDrawsPythonBesideJavaEachBarWithItsSpeedupOverItsOwnSequential() {
        BarChartSpec cpu = chart(plan(JAVA, PYTHON), BarChartSpec.class, idStarts("cpu"));
        assertEquals(12 + 5, cpu.bars().size());
        Bar thread = bar(cpu, "Python: Thread");
        assertEquals(3940, thread.value());
        assertEquals(List.of("Python", "0.98x"), List.of(thread.tag(), thread.remark()));
        Bar pool = bar(cpu, "FIXED_POOL");
        assertEquals(List.of("Java", "1.97x"), List.of(pool.tag(), pool.remark()), "600 / 305");
        // Python's ideals come from Python's sequential time: half of it on two cores, all of it for sequential.
        assertEquals(3850 / 2.0, bar(cpu, "Python: Pool").ideal(), 1e-9);
        assertEquals(3850 / 2.0, bar(cpu, "Python: Thread").ideal(), 1e-9);
        assertEquals(3850, bar(cpu, "Python: sequential").ideal(), 1e-9);
        assertEquals(600 / 2.0, bar(cpu, "FIXED_POOL").ideal(), 1e-9);
        assertTrue(cpu.explanation().contains("Java: PLATFORM_THREADS 1.94x, FIXED_POOL 1.97x"), cpu.explanation());
        assertTrue(cpu.explanation().endsWith("Python: Thread 0.98x, ThreadPoolExecutor 0.98x, Process 1.86x, Pool 1.88x."),
                cpu.explanation());
        assertFalse(cpu.explanation().contains("took as long as"), "no fixed claim about Python: " + cpu.explanation());
        assertTrue(cpu.notes().contains("Python's ideals: the same formula over its own sequential time, 3850.0 ms."),
                cpu.notes().toString());
        assertTrue(cpu.notes().contains(Languages.SPEEDUP_NOTE));
        assertEquals("java.json, python.json", cpu.source());
    }

    @Test
    void aSpeedupChartPutsBothLanguagesOnOneAxisWithTheMostEachModelCouldGain() {
        ChartPlanner.Plan plan = plan(JAVA, PYTHON);
        BarChartSpec speedups = chart(plan, BarChartSpec.class, idStarts("speedup-cpu"));
        assertEquals(Languages.SPEEDUP_AXIS, speedups.yAxis());
        Bar thread = bar(speedups, "Python: Thread");
        assertEquals(3850 / 3940.0, thread.value(), 1e-9);
        assertEquals(2.0, thread.ideal(), 1e-9, "two cores: its sequential time over its ideal time");
        // Both relative errors are 2%, combined in quadrature.
        assertEquals(thread.value() * Math.hypot(0.02, 0.02), thread.error(), 1e-9);
        assertEquals(600 / 305.0, bar(speedups, "FIXED_POOL").value(), 1e-9);
        assertEquals(1.0, bar(speedups, "Python: sequential").value(), 1e-12);
        assertEquals("Python", thread.tag());
        assertTrue(speedups.explanation().contains("Python: Thread 0.98x"), speedups.explanation());
        List<String> ids = plan.charts().stream().map(ChartSpec::id).toList();
        assertEquals(ids.indexOf(chart(plan, BarChartSpec.class, idStarts("cpu")).id()) + 1, ids.indexOf(speedups.id()),
                "right after the times it is made of");
        assertTrue(plan(JAVA).charts().stream().noneMatch(c -> c.id().startsWith("speedup")), "none without Python rows");
    }

    @Test
    void aFreeThreadedBuildIsAThirdGroupMeasuredAgainstItsOwnSequential() {
        BarChartSpec cpu = chart(plan(JAVA, python(Fixtures.python(true))), BarChartSpec.class, idStarts("cpu"));
        assertEquals(12 + 10, cpu.bars().size());
        Bar free = bar(cpu, "Python, no GIL: Thread");
        assertEquals(List.of("Python, no GIL", "1.91x"), List.of(free.tag(), free.remark()), "4400 / 2300");
        assertEquals(4400 / 2.0, free.ideal(), 1e-9);
        assertTrue(cpu.explanation().contains("Python, no GIL: Thread 1.91x"), cpu.explanation());
        assertEquals(List.of("Java", "Python", "Python, no GIL"), cpu.bars().stream().map(Bar::tag).distinct().toList());
    }

    @Test
    void theIoChartHasBothLanguagesWithTheirModelsIdeals() {
        BarChartSpec io = chart(plan(JAVA, PYTHON), BarChartSpec.class, idStarts("io"));
        assertEquals(11 + 5, io.bars().size());
        assertEquals(100, bar(io, "Python: Thread").ideal(), 1e-9);
        assertEquals(100, bar(io, "Python: Process").ideal(), 1e-9);
        assertEquals(500, bar(io, "Python: ThreadPoolExecutor").ideal(), 1e-9);
        assertEquals(500, bar(io, "Python: Pool").ideal(), 1e-9);
        assertEquals(1000, bar(io, "Python: sequential").ideal(), 1e-9);
        assertEquals("9.88x", bar(io, "Python: Thread").remark(), "1003 / 101.5");
        assertTrue(io.explanation().contains("Python: Thread 9.88x"), io.explanation());
    }

    @Test
    void theAsyncChartPutsPythonsLessonsAfterJavasWithSpeedupsOverAwaitingOneAtATime() {
        BarChartSpec async = chart(plan(JAVA, PYTHON), BarChartSpec.class, idStarts("async"));
        assertEquals(List.of("awaitOneAtATime", "gatherAll", "blockingSleepInEventLoop", "errorsFailFast", "errorsCollectAll",
                "Python: awaitOneAtATime", "Python: gatherAll", "Python: blockingSleepInEventLoop", "Python: errorsFailFast",
                "Python: errorsCollectAll"), async.bars().stream().map(Bar::label).toList());
        assertEquals("4.98x", bar(async, "Python: gatherAll").remark(), "502 / 100.9");
        assertEquals(100, bar(async, "Python: gatherAll").ideal(), 1e-9);
        assertEquals(500, bar(async, "Python: blockingSleepInEventLoop").ideal(), 1e-9);
        assertTrue(async.explanation().contains("Python: gatherAll 4.98x, blockingSleepInEventLoop 1.00x"), async.explanation());
    }

    @Test
    void withoutPythonRowsTheChartsAreAsBefore() {
        for (String lesson : List.of("cpu", "io", "async")) {
            BarChartSpec c = chart(plan(JAVA), BarChartSpec.class, idStarts(lesson));
            assertTrue(c.bars().stream().allMatch(b -> b.tag().isEmpty() && b.remark().isEmpty()), lesson);
            assertFalse(c.notes().contains(Languages.SPEEDUP_NOTE), lesson);
        }
        assertEquals(CpuLesson.TEXT.formatted(2), chart(plan(JAVA), BarChartSpec.class, idStarts("cpu")).explanation());
    }

    @Test
    void pythonAloneGetsTheSameChartsWithoutJava() {
        ChartPlanner.Plan plan = plan(PYTHON);
        BarChartSpec cpu = chart(plan, BarChartSpec.class, idStarts("cpu"));
        assertEquals(5, cpu.bars().size());
        assertEquals(3850, bar(cpu, "Python: sequential").ideal(), 1e-9);
        assertTrue(cpu.notes().stream().noneMatch(n -> n.contains("No SEQUENTIAL row")), cpu.notes().toString());
        assertEquals(5, chart(plan, BarChartSpec.class, idStarts("io")).bars().size());
        assertEquals(5, chart(plan, BarChartSpec.class, idStarts("async")).bars().size());
        assertTrue(plan.charts().stream().noneMatch(c -> c.explanation().equals(GenericLesson.TEXT)));
    }

    @Test
    void pythonRowsOfAnotherFibListGetAChartOfTheirOwn() {
        List<BenchmarkResult> shorter = Fixtures.python(false).stream()
                .map(r -> r.param("fibs") == null ? r : new BenchmarkResult(r.benchmark(), r.mode(), r.threads(), r.forks(),
                        Fixtures.params("fibs", "30,20", "gil", "on", "model", r.param("model")), r.primary(), r.secondary(), r.vm()))
                .toList();
        ChartPlanner.Plan plan = plan(JAVA, python(shorter));
        assertEquals(12, chart(plan, BarChartSpec.class, idStarts("cpu-fibs-36")).bars().size());
        assertEquals(5, chart(plan, BarChartSpec.class, idStarts("cpu-fibs-30")).bars().size());
    }

    @Test
    void theCoresChartColoursPythonsBarsToo() {
        List<BenchmarkResult> java = Fixtures.suite().stream().map(r -> Fixtures.withUsage(r, 1.9, 20, 80, false)).toList();
        List<BenchmarkResult> py = Fixtures.python(false).stream().map(r -> Fixtures.withUsage(r, 1.0, 3, 20, false)).toList();
        BarChartSpec cores = chart(plan(Fixtures.run("java.json", java, 2, "25"), python(py)), BarChartSpec.class,
                idStarts("cores-cpu"));
        Bar thread = bar(cores, "Python: Thread");
        assertEquals(List.of("Python", 1.0, 2.0), List.of(thread.tag(), thread.value(), thread.ideal()));
        assertEquals(CpuLesson.CORES_TEXT_LANGUAGES, cores.explanation());
        assertEquals("Java", bar(cores, "FIXED_POOL").tag());
    }

    @Test
    void theLegendNamesEachLanguage() {
        BarChartSpec cpu = chart(plan(JAVA, python(Fixtures.python(true))), BarChartSpec.class, idStarts("cpu"));
        CategoryChart chart = (CategoryChart) ChartRenderer.toChart(cpu);
        for (String language : List.of("Java", "Python", "Python, no GIL")) {
            assertTrue(chart.getSeriesMap().containsKey(language + " (error bar: 99.9% interval)"), chart.getSeriesMap().keySet().toString());
        }
    }

    @Test
    void aPythonRunNamesItsInterpretersInsteadOfAJdk() {
        PythonInterpreter facts = new PythonInterpreter("/usr/bin/python3.11", "CPython", "3.11.7", false, true, "fork", 2);
        ResultsFile run = new ResultsFile(Path.of("python.json"), Fixtures.python(true),
                Optional.of(Fixtures.sidecar(2, "2026-01-01T00:05:00Z").withPython(List.of(facts))));
        Map<String, String> shown = Runs.display(run);
        assertFalse(shown.containsKey("JDK"), shown.toString());
        assertFalse(shown.containsKey("JMH arguments"), shown.toString());
        assertEquals("CPython 3.11.7 (GIL on); CPython (free-threaded build) 3.14.0 (GIL off)", shown.get("Python"));
        assertEquals("CPython 3.11.7, GIL on, fork start, at /usr/bin/python3.11", shown.get("Python interpreters"));
        assertEquals("", Runs.changesSince(run, JAVA), "a JDK against a Python is no change of environment");
    }
}
