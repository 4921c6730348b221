package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.bar;
import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** How the planner hands benchmarks to lessons, orders their charts and notes what it assumed. */
class ChartPlannerTest {

    /**
     * Every benchmark method of this build, as JMH's annotation processor lists them in
     * {@code META-INF/BenchmarkList} (read as text, so the report's tests need no JMH). Each line
     * of JMH 1.37's format starts {@code JMH S <len> <class> S <len> <generated class> S <len> <method>}.
     */
    static Set<String> benchmarksOfThisBuild() throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = ChartPlannerTest.class.getResourceAsStream("/META-INF/BenchmarkList")) {
            assertTrue(in != null, "META-INF/BenchmarkList is missing: did the JMH annotation processor run?");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String[] t = line.strip().split("\\s+");
                assertTrue(t.length > 9 && t[0].equals("JMH") && t[1].equals("S") && t[7].equals("S"),
                        "not JMH 1.37's BenchmarkList format: " + line);
                String cls = t[3];
                names.add(cls.substring(cls.lastIndexOf('.') + 1) + "." + t[9]);
            }
        }
        assertTrue(names.size() > 10, "too few benchmarks found: " + names);
        return names;
    }

    /** A new benchmark without a lesson would get only the generic chart; this says which lesson it needs. */
    @Test
    void everyBenchmarkOfThisBuildIsChartedByALesson() throws IOException {
        Map<String, Lesson> claims = ChartPlanner.claims();
        List<String> unclaimed = benchmarksOfThisBuild().stream().filter(b -> !claims.containsKey(b)).toList();
        assertEquals(List.of(), unclaimed, "benchmarks no lesson in ChartPlanner.LESSONS claims");
    }

    @Test
    void eachBenchmarkIsClaimedOnceAndTheSuiteNeedsNoGenericChart() {
        List<BenchmarkResult> rows = new ArrayList<>(Fixtures.suite());
        rows.addAll(Fixtures.python(true));
        ResultsFile suite = Fixtures.run("suite.json", rows, 2, "21.0.5");
        Set<String> seen = new HashSet<>();
        for (Lesson lesson : ChartPlanner.LESSONS) {
            assertFalse(lesson.benchmarks().isEmpty(), lesson.getClass().getSimpleName());
            for (String b : lesson.benchmarks()) {
                assertTrue(seen.add(b), b + " is claimed twice");
                assertTrue(suite.results().stream().anyMatch(r -> r.shortName().equals(b)), b + " is not in the fixture");
            }
        }
        // Nothing of the suite falls back to a generic chart.
        assertTrue(plan(suite).charts().stream().noneMatch(c -> c.explanation().equals(GenericLesson.TEXT)));
    }

    @Test
    void coresComeFromTheSidecarThenTheFlagThenTwoWithANote() {
        List<BenchmarkResult> io = Fixtures.ofClass(Fixtures.suite(), "IoBoundBenchmark");
        ResultsFile noSidecar = Fixtures.bare("bare.json", io);
        ChartPlanner.Plan assumed = ChartPlanner.plan(List.of(noSidecar), null);
        assertEquals(500, bar(chart(assumed, BarChartSpec.class, idStarts("io-")), "FIXED_POOL").ideal(), 1e-9);
        assertTrue(assumed.notes().stream().anyMatch(n -> n.contains("assume 2 logical cores")), assumed.notes().toString());

        ChartPlanner.Plan flagged = ChartPlanner.plan(List.of(noSidecar), 5);
        assertEquals(200, bar(chart(flagged, BarChartSpec.class, idStarts("io-")), "FIXED_POOL").ideal(), 1e-9);
        assertTrue(flagged.notes().stream().anyMatch(n -> n.contains("--cores 5")), flagged.notes().toString());

        ChartPlanner.Plan sidecar = ChartPlanner.plan(List.of(Fixtures.run("s.json", io, 10, "21")), 5);
        assertEquals(100, bar(chart(sidecar, BarChartSpec.class, idStarts("io-")), "FIXED_POOL").ideal(), 1e-9);
        assertTrue(sidecar.notes().stream().noneMatch(n -> n.contains("cores")), sidecar.notes().toString());
    }

    @Test
    void eachBenchmarkIsChartedFromTheNewestFileThatHasIt() {
        List<BenchmarkResult> rows = Fixtures.suite();
        List<BenchmarkResult> io = Fixtures.ofClass(rows, "IoBoundBenchmark");
        ResultsFile a = Fixtures.run("a.json", Fixtures.ofClass(rows, "PinningBenchmark"), 2, "21");
        ResultsFile b = Fixtures.run("b.json", io, 2, "21");
        ResultsFile c = Fixtures.run("c.json", io.stream().map(r -> Fixtures.withScore(r, 7)).toList(), 2, "21");
        ChartPlanner.Plan plan = plan(a, b, c);
        BarChartSpec ioChart = chart(plan, BarChartSpec.class, idStarts("io"));
        assertEquals("c.json", ioChart.source());
        assertTrue(ioChart.bars().stream().allMatch(x -> x.value() == 7));
        assertEquals("a.json", chart(plan, BarChartSpec.class, idStarts("pinning")).source());
    }

    @Test
    void chartIdsAreUniqueAndFileSafe() {
        ChartPlanner.Plan plan = plan(Fixtures.run("a.json", Fixtures.suite(), 2, "21"),
                Fixtures.run("b.json", Fixtures.suite(), 2, "21"));
        Set<String> ids = new HashSet<>();
        for (ChartSpec c : plan.charts()) {
            assertTrue(c.id().matches("[a-z0-9-]{1,90}"), c.id());
            assertTrue(ids.add(c.id()), "duplicate " + c.id());
            assertFalse(c.explanation().isBlank(), c.id());
        }
    }

    @Test
    void chartsComeInTheOrderTheLessonsAreTold() {
        List<BenchmarkResult> shuffled = new ArrayList<>(Fixtures.suite());
        Collections.reverse(shuffled);
        shuffled.add(Fixtures.result("org.example.Other.thing", BenchMode.AVERAGE_TIME, "us/op", Map.of(), 1, 0.1, Map.of()));
        ResultsFile a = Fixtures.run("a.json", shuffled, 2, "21");
        ResultsFile b = Fixtures.run("b.json", shuffled, 2, "21");
        List<String> kinds = plan(a, b).charts().stream().map(c -> c.id().replaceFirst("-.*$", "")).distinct().toList();
        assertEquals(List.of("cpu", "io", "scaling", "pinning", "async", "spawn", "counter", "other", "trend"), kinds);
    }

    @Test
    void genericChartsFollowTheLessonsInTheOrderTheFileListsTheirRows() {
        ResultsFile run = Fixtures.bare("odd.json", List.of(
                Fixtures.result("org.example.Zeta.z", BenchMode.AVERAGE_TIME, "us/op", Map.of(), 1, 0.1, Map.of()),
                Fixtures.ss("IoBoundBenchmark.sleepTasks", Map.of(), 100, 1),
                Fixtures.result("org.example.Alpha.a", BenchMode.AVERAGE_TIME, "us/op", Map.of(), 1, 0.1, Map.of())));
        assertEquals(List.of("zeta-z-avgt", "ioboundbenchmark-sleeptasks-ss", "alpha-a-avgt"),
                plan(run).charts().stream().map(ChartSpec::id).toList());
    }

    @Test
    void noRunsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ChartPlanner.plan(List.of(), null));
    }
}
