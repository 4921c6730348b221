package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.LineChartSpec.Point;
import dev.concurrencybench.report.LineChartSpec.Series;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendLessonTest {

    @Test
    void aSingleFileHasNoTrendAndSaysSo() {
        ChartPlanner.Plan plan = plan(Fixtures.run("suite.json", Fixtures.suite(), 2, "21.0.5"));
        assertTrue(plan.charts().stream().noneMatch(c -> c.id().startsWith("trend")));
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("two or more results files")), plan.notes().toString());
    }

    @Test
    void trendsFollowEachRowAcrossFilesAndMarkEnvironmentChanges() {
        List<BenchmarkResult> io = Fixtures.ofClass(Fixtures.suite(), "IoBoundBenchmark");
        ResultsFile a = Fixtures.run("a.json", io, 2, "21.0.5");
        ResultsFile b = Fixtures.run("b.json", io.stream().map(r -> Fixtures.withScore(r, r.primary().score() * 2)).toList(),
                2, "25.0.1");
        ResultsFile c = Fixtures.run("c.json", io, 2, "25.0.1");
        ChartPlanner.Plan plan = plan(a, b, c);
        LineChartSpec trend = chart(plan, LineChartSpec.class, idStarts("trend"));
        assertEquals(List.of("a.json", "b.json", "c.json"), trend.xTickLabels());
        assertEquals(io.size(), trend.series().size());
        Series seq = trend.series().stream().filter(s -> s.name().equals("SEQUENTIAL")).findFirst().orElseThrow();
        double first = io.get(0).primary().score();
        double error = io.get(0).primary().scoreError();
        assertEquals(List.of(new Point(1, first, error), new Point(2, first * 2, error), new Point(3, first, error)),
                seq.points());
        assertEquals(List.of(new LineChartSpec.Marker(1.5, "JDK 21.0.5 -> 25.0.1")), trend.markers());
        assertEquals(List.of("Environment change before file 2: JDK 21.0.5 -> 25.0.1"), trend.notes());
        // The charts per workload come from the newest file.
        assertEquals("c.json", chart(plan, BarChartSpec.class, idStarts("io")).source());
    }

    @Test
    void aMissingSidecarIsNotAnEnvironmentChange() {
        List<BenchmarkResult> io = Fixtures.ofClass(Fixtures.suite(), "IoBoundBenchmark");
        ChartPlanner.Plan plan = plan(Fixtures.bare("a.json", Fixtures.onJdk(io, "21")), Fixtures.run("b.json", io, 8, "21"));
        LineChartSpec trend = chart(plan, LineChartSpec.class, idStarts("trend"));
        assertEquals(List.of(), trend.markers());
        assertEquals(List.of("No environment change between these runs."), trend.notes());
    }

    @Test
    void aBenchmarkInOnlyOneFileGetsNoTrend() {
        List<BenchmarkResult> rows = Fixtures.suite();
        ResultsFile a = Fixtures.run("a.json", Fixtures.ofClass(rows, "IoBoundBenchmark"), 2, "21");
        ResultsFile b = Fixtures.run("b.json", Fixtures.ofClass(rows, "PinningBenchmark"), 2, "21");
        ChartPlanner.Plan plan = plan(a, b);
        assertTrue(plan.charts().stream().noneMatch(c -> c.id().startsWith("trend")));
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("no trend charts")), plan.notes().toString());
        assertEquals("a.json", chart(plan, BarChartSpec.class, idStarts("io")).source());
        assertEquals("b.json", chart(plan, BarChartSpec.class, idStarts("pinning")).source());
    }
}
