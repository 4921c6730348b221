package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.params;
import static dev.concurrencybench.report.Fixtures.plan;
import static dev.concurrencybench.report.Fixtures.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
