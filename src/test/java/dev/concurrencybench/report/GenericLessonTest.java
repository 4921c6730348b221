package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.params;
import static dev.concurrencybench.report.Fixtures.plan;
import static dev.concurrencybench.report.Fixtures.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.ResultsFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericLessonTest {

    @Test
    void anUnknownBenchmarkGetsAGenericChartWithOneBarPerRow() {
        ResultsFile run = Fixtures.bare("other.json", List.of(
                Fixtures.result("org.example.FooBenchmark.bar", BenchMode.THROUGHPUT, "ops/s", params("size", "10", "kind", "A"),
                        5, 0.5, Map.of()),
                Fixtures.result("org.example.FooBenchmark.bar", BenchMode.THROUGHPUT, "ops/s", params("size", "20", "kind", "A"),
                        3, 0.3, Map.of())));
        BarChartSpec foo = chart(plan(run), BarChartSpec.class, c -> true);
        assertEquals(List.of("size=10", "size=20"), foo.bars().stream().map(Bar::label).toList());
        assertEquals(List.of(5.0, 3.0), foo.bars().stream().map(Bar::value).toList());
        assertTrue(foo.title().contains("FooBenchmark.bar") && foo.title().contains("kind=A"), foo.title());
        assertTrue(foo.yAxis().contains("ops/s") && foo.yAxis().contains("higher is better"), foo.yAxis());
        assertEquals(GenericLesson.TEXT, foo.explanation());
    }

    @Test
    void oneRowWithoutParamsStillCharts() {
        ResultsFile run = Fixtures.bare("one.json",
                List.of(Fixtures.result("Solo.run", BenchMode.AVERAGE_TIME, "us/op", Map.of(), 12.5, Double.NaN, Map.of())));
        BarChartSpec solo = chart(plan(run), BarChartSpec.class, c -> true);
        assertEquals(1, solo.bars().size());
        assertEquals("run", solo.bars().get(0).label());
        assertTrue(solo.notes().contains(Charts.NO_ERROR_NOTE), solo.notes().toString());
    }

    @Test
    void knownBenchmarkRowsMissingTheirParamsFallBackToAGenericChart() {
        ResultsFile run = Fixtures.bare("odd.json", List.of(
                ss("IoBoundBenchmark.sleepTasks", Map.of(), 100, 1),
                ss("CpuBoundBenchmark.fibList", Map.of(), 300, 1),
                ss("PinningBenchmark.sleepWhileHoldingLock", params("tasks", "100"), 20, 1),
                ss("CounterBenchmark.incrementShared", Map.of(), 20, 1)));
        ChartPlanner.Plan plan = plan(run);
        assertEquals(4, plan.charts().size(), plan.charts().stream().map(ChartSpec::id).toList().toString());
        assertTrue(plan.charts().stream().allMatch(c -> c instanceof BarChartSpec b && !b.hasIdeal()));
    }

    @Test
    void rowsALessonCannotPlaceAreChartedBesideTheOnesItCan() {
        ResultsFile run = Fixtures.run("mixed.json", List.of(
                ss("IoBoundBenchmark.sleepTasks", params("model", "SEQUENTIAL", "sleepMs", "100", "tasks", "10"), 1000, 1),
                ss("IoBoundBenchmark.sleepTasks", params("sleepMs", "100", "tasks", "10"), 999, 1)), 2, "21");
        ChartPlanner.Plan plan = plan(run);
        assertEquals(List.of("io-sleepms-100-tasks-10", "ioboundbenchmark-sleeptasks-ss"),
                plan.charts().stream().map(ChartSpec::id).toList());
        BarChartSpec rest = (BarChartSpec) plan.charts().get(1);
        assertEquals(999, rest.bars().get(0).value());
        assertEquals(List.of("These rows lack the 'model' param, so they get a plain chart without ideals."), rest.notes());
    }
}
