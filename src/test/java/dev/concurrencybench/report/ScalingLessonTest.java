package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.params;
import static dev.concurrencybench.report.Fixtures.plan;
import static dev.concurrencybench.report.Fixtures.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.LineChartSpec.Point;
import dev.concurrencybench.report.LineChartSpec.Series;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScalingLessonTest {

    @Test
    void scalingHasALinePerModelTheHundredThousandPointAndAFlatIdeal() {
        ResultsFile suite = Fixtures.run("suite.json", Fixtures.suite(), 2, "21.0.5");
        LineChartSpec scaling = chart(plan(suite), LineChartSpec.class, idStarts("scaling"));
        assertTrue(scaling.logX() && scaling.logY());
        Map<String, Series> byName = new LinkedHashMap<>();
        scaling.series().forEach(s -> byName.put(s.name(), s));
        assertEquals(Set.of("PLATFORM_THREADS", "CACHED_POOL", "FORK_JOIN_MANAGED", "VIRTUAL_THREADS", "NON_BLOCKING_ASYNC",
                "ideal: D = 100 ms"), byName.keySet());
        for (BenchmarkResult r : suite.results()) {
            if (r.shortName().equals(ScalingLesson.SLEEP_TASKS)) {
                Series s = byName.get(r.param("model"));
                assertTrue(s.points().contains(new Point(Double.parseDouble(r.param("tasks")), r.primary().score(),
                        r.primary().scoreError())), r.toString());
            }
        }
        BenchmarkResult hundredK = suite.results().stream().filter(r -> r.method().equals("virtualThreads100k")).findFirst().orElseThrow();
        List<Point> virtual = byName.get("VIRTUAL_THREADS").points();
        assertEquals(new Point(100_000, hundredK.primary().score(), hundredK.primary().scoreError()), virtual.get(virtual.size() - 1));
        Series ideal = byName.get("ideal: D = 100 ms");
        assertTrue(ideal.ideal());
        assertEquals(List.of(100.0, 1000.0, 10000.0, 100000.0), ideal.points().stream().map(Point::x).toList());
        assertTrue(ideal.points().stream().allMatch(p -> p.y() == 100));
    }

    @Test
    void rowsWithoutATaskCountAreChartedPlainlyNotDropped() {
        ResultsFile run = Fixtures.run("r.json", List.of(
                ss(ScalingLesson.SLEEP_TASKS, params("model", "VIRTUAL_THREADS", "sleepMs", "100", "tasks", "100"), 101, 1),
                ss(ScalingLesson.SLEEP_TASKS, params("model", "VIRTUAL_THREADS", "sleepMs", "100"), 102, 1)), 2, "21");
        ChartPlanner.Plan plan = plan(run);
        LineChartSpec scaling = chart(plan, LineChartSpec.class, idStarts("scaling"));
        assertEquals(List.of(new Point(100, 101, 1)), scaling.series().get(0).points());
        BarChartSpec rest = chart(plan, BarChartSpec.class, idStarts("ioscalingbenchmark"));
        assertEquals(List.of(102.0), rest.bars().stream().map(BarChartSpec.Bar::value).toList());
        assertTrue(rest.notes().get(0).contains("lack the 'model' or 'tasks' param"), rest.notes().toString());
    }

    /** The suite's scaling rows with made-up figures: a platform thread per task, 20 threads otherwise. */
    private static List<BenchmarkResult> profiledScalingRows(boolean jvmOnly) {
        return Fixtures.ofClass(Fixtures.suite(), "IoScalingBenchmark").stream().map(r -> {
            int n = Integer.parseInt(r.param("tasks"));
            boolean platform = "PLATFORM_THREADS".equals(r.param("model"));
            return Fixtures.withUsage(r, 0.5, platform ? n + 20 : 20, platform ? 80 + n / 100.0 : 80 + n / 1000.0, jvmOnly);
        }).toList();
    }

    private static Map<String, Series> byName(LineChartSpec chart) {
        Map<String, Series> m = new LinkedHashMap<>();
        chart.series().forEach(s -> m.put(s.name(), s));
        return m;
    }

    @Test
    void threadsAndMemoryChartsHaveALinePerModelWithTheHundredThousandPoint() {
        List<BenchmarkResult> rows = profiledScalingRows(false);
        ChartPlanner.Plan plan = plan(Fixtures.run("r.json", rows, 2, "21"));
        assertEquals(List.of("scaling-sleepms-100", "threads-scaling-sleepms-100", "memory-scaling-sleepms-100"),
                plan.charts().stream().map(ChartSpec::id).filter(id -> id.contains("scaling")).toList());
        LineChartSpec threads = chart(plan, LineChartSpec.class, idStarts("threads-scaling"));
        LineChartSpec memory = chart(plan, LineChartSpec.class, idStarts("memory-scaling"));
        for (LineChartSpec c : List.of(threads, memory)) {
            assertEquals(Set.of("PLATFORM_THREADS", "CACHED_POOL", "FORK_JOIN_MANAGED", "VIRTUAL_THREADS", "NON_BLOCKING_ASYNC"),
                    byName(c).keySet(), "no ideal line: " + c.id());
            assertTrue(c.logX());
        }
        String metric = "os.threads.peak";
        for (BenchmarkResult r : rows) {
            String model = r.shortName().equals(ScalingLesson.HUNDRED_K) ? "VIRTUAL_THREADS" : r.param("model");
            double n = Double.parseDouble(r.param("tasks"));
            assertTrue(byName(threads).get(model).points().stream()
                    .anyMatch(p -> p.x() == n && p.y() == r.secondary(metric).score()), r.toString());
            assertTrue(byName(memory).get(model).points().stream()
                    .anyMatch(p -> p.x() == n && p.y() == r.secondary("rss.peak").score()), r.toString());
        }
        assertEquals(List.of(100.0, 1000.0, 10000.0, 100000.0),
                byName(threads).get("VIRTUAL_THREADS").points().stream().map(Point::x).toList());
        // 20 against 10,020 threads: decades apart, so a log axis; memory grows a few times, so linear.
        assertTrue(threads.logY() && threads.yAxis().contains("(threads,") && threads.yAxis().endsWith("(log scale)"));
        assertFalse(memory.logY());
        assertTrue(memory.yAxis().contains("(MB,"), memory.yAxis());
        assertTrue(threads.notes().contains(ScalingLesson.THREADS_NOTE));
    }

    @Test
    void theTimeTableShowsCpuAndCoresBelowEachModel() {
        List<BenchmarkResult> rows = profiledScalingRows(false);
        LineChartSpec scaling = chart(plan(Fixtures.run("r.json", rows, 2, "21")), LineChartSpec.class, idStarts("scaling"));
        Tables.Table t = Tables.of(scaling);
        List<String> names = t.rows().stream().map(r -> r.get(0)).toList();
        int platform = names.indexOf("PLATFORM_THREADS");
        assertEquals("PLATFORM_THREADS: CPU (ms/op)", names.get(platform + 1));
        assertEquals("PLATFORM_THREADS: cores used (cores)", names.get(platform + 2));
        BenchmarkResult tenK = rows.stream().filter(r -> "PLATFORM_THREADS".equals(r.param("model"))
                && "10000".equals(r.param("tasks"))).findFirst().orElseThrow();
        int column = t.header().indexOf("10000");
        assertEquals(Tables.number(tenK.secondary("cpu.time").score()), t.rows().get(platform + 1).get(column));
        assertEquals("", t.rows().get(platform + 1).get(t.header().indexOf("100000")), "no platform row at 100,000");
        assertFalse(names.stream().anyMatch(n -> n.startsWith("ideal") && n.contains("CPU")), "the ideal has no CPU rows");
    }

    @Test
    void withoutProcThereAreJavaThreadsAndNoMemoryChart() {
        ChartPlanner.Plan plan = plan(Fixtures.run("r.json", profiledScalingRows(true), 2, "21"));
        LineChartSpec threads = chart(plan, LineChartSpec.class, idStarts("threads-scaling"));
        assertEquals("java threads (jvm only)", ChartRenderer.shortUnit(threads.yAxis()));
        assertTrue(threads.notes().contains(ScalingLesson.THREADS_JVM_ONLY_NOTE), threads.notes().toString());
        assertTrue(plan.charts().stream().noneMatch(c -> c.id().startsWith("memory")));
    }

    @Test
    void filesWithoutTheFiguresGetOnlyTheTimeChart() {
        ChartPlanner.Plan plan = plan(Fixtures.run("suite.json", Fixtures.suite(), 2, "21.0.5"));
        assertTrue(plan.charts().stream().noneMatch(c -> c.id().startsWith("threads") || c.id().startsWith("memory")));
        LineChartSpec scaling = chart(plan, LineChartSpec.class, idStarts("scaling"));
        assertTrue(Tables.of(scaling).rows().stream().noneMatch(r -> r.get(0).contains("CPU") || r.get(0).contains("cores")));
    }
}
