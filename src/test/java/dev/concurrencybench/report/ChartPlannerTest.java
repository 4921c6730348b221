package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.env;
import static dev.concurrencybench.report.Fixtures.params;
import static dev.concurrencybench.report.Fixtures.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.report.LineChartSpec.Point;
import dev.concurrencybench.report.LineChartSpec.Series;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The numbers each chart is given, checked against the rows they come from. */
class ChartPlannerTest {

    private static final Run SUITE = new Run("suite.json", Fixtures.suite(), env(2, "21.0.5"));

    private static ChartPlanner.Plan plan(Run... runs) {
        return ChartPlanner.plan(List.of(runs), null);
    }

    private static <T extends ChartSpec> T chart(ChartPlanner.Plan plan, Class<T> type, Predicate<ChartSpec> which) {
        List<T> found = plan.charts().stream().filter(which).filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "charts matching: " + plan.charts().stream().map(ChartSpec::id).toList());
        return found.get(0);
    }

    private static Predicate<ChartSpec> idStarts(String prefix) {
        return c -> c.id().startsWith(prefix);
    }

    private static Bar bar(BarChartSpec chart, String label) {
        return chart.bars().stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no bar " + label + " in " + chart.bars()));
    }

    private static Measurement row(List<Measurement> rows, String method, String param, String value) {
        return rows.stream().filter(m -> m.method().equals(method) && value.equals(m.param(param))).findFirst().orElseThrow();
    }

    @Test
    void cpuBarsCarryEachModelsScoreErrorAndIdeal() {
        BarChartSpec cpu = chart(plan(SUITE), BarChartSpec.class, idStarts("cpu"));
        List<Measurement> rows = SUITE.rows().stream().filter(m -> m.className().equals("CpuBoundBenchmark")).toList();
        assertEquals(rows.size(), cpu.bars().size());
        double seq = row(rows, "fibList", "model", "SEQUENTIAL").score();
        for (Measurement m : rows) {
            Bar b = m.method().equals("fibList") ? bar(cpu, m.param("model")) : bar(cpu, "recursive ForkJoin (threshold 20)");
            assertEquals(m.score(), b.value());
            assertEquals(m.error(), b.error());
        }
        assertEquals(seq, bar(cpu, "SEQUENTIAL").ideal(), 1e-9);
        // Two cores: half of SEQUENTIAL, which is more than the longest task (39% of the work).
        assertEquals(seq / 2, bar(cpu, "VIRTUAL_THREADS").ideal(), 1e-9);
        assertEquals(seq / 2, bar(cpu, "PROCESS_POOL").ideal(), 1e-9);
        assertEquals(seq / 2, bar(cpu, "recursive ForkJoin (threshold 20)").ideal(), 1e-9);
        assertEquals(bar(cpu, "FIXED_POOL").value() / (seq / 2), bar(cpu, "FIXED_POOL").ratio(), 1e-12);
        assertTrue(cpu.yAxis().contains("ms/op"));
    }

    @Test
    void cpuIdealOnMoreCoresIsBoundByTheLongestTask() {
        Run fourCores = new Run("four.json", Fixtures.suite(), env(4, "21.0.5"));
        BarChartSpec cpu = chart(plan(fourCores), BarChartSpec.class, idStarts("cpu"));
        double seq = bar(cpu, "SEQUENTIAL").value();
        double share = Ideals.longestShare(Ideals.parseFibs(Fixtures.FIBS));
        assertEquals(seq * share, bar(cpu, "PLATFORM_THREADS").ideal(), 1e-9);
        // The divide-and-conquer version splits fib(36) too.
        assertEquals(seq / 4, bar(cpu, "recursive ForkJoin (threshold 20)").ideal(), 1e-9);
    }

    @Test
    void withoutASequentialRowTheCpuChartHasNoIdealAndSaysWhy() {
        List<Measurement> rows = Fixtures.suite().stream()
                .filter(m -> m.className().equals("CpuBoundBenchmark") && !"SEQUENTIAL".equals(m.param("model"))).toList();
        BarChartSpec cpu = chart(plan(new Run("r.json", rows, env(2, "21"))), BarChartSpec.class, idStarts("cpu"));
        assertFalse(cpu.hasIdeal());
        assertTrue(cpu.notes().stream().anyMatch(n -> n.contains("No SEQUENTIAL row")), cpu.notes().toString());
    }

    @Test
    void ioIdealIsOneSleepARoundPerPoolSizeOrNForSequential() {
        BarChartSpec io = chart(plan(SUITE), BarChartSpec.class, idStarts("io-"));
        assertEquals(1000, bar(io, "SEQUENTIAL").ideal(), 1e-9);
        assertEquals(100, bar(io, "VIRTUAL_THREADS").ideal(), 1e-9);
        assertEquals(500, bar(io, "FIXED_POOL").ideal(), 1e-9);
        assertEquals(500, bar(io, "COMPLETABLE_FUTURE").ideal(), 1e-9);
        assertEquals(500, bar(io, "PROCESS_POOL").ideal(), 1e-9);
        assertEquals(100, bar(io, "PROCESS_PER_TASK").ideal(), 1e-9);
        List<Measurement> rows = SUITE.rows().stream().filter(m -> m.shortName().equals("IoBoundBenchmark.sleepTasks")).toList();
        assertEquals(rows.stream().map(m -> m.param("model")).toList(), io.bars().stream().map(Bar::label).toList());
        assertEquals(rows.stream().map(Measurement::score).toList(), io.bars().stream().map(Bar::value).toList());
    }

    @Test
    void coresComeFromTheSidecarThenTheFlagThenTwoWithANote() {
        List<Measurement> io = Fixtures.suite().stream().filter(m -> m.className().equals("IoBoundBenchmark")).toList();
        Run noSidecar = new Run("bare.json", io, RunEnvironment.NONE);
        ChartPlanner.Plan assumed = ChartPlanner.plan(List.of(noSidecar), null);
        assertEquals(500, bar(chart(assumed, BarChartSpec.class, idStarts("io-")), "FIXED_POOL").ideal(), 1e-9);
        assertTrue(assumed.notes().stream().anyMatch(n -> n.contains("assume 2 logical cores")), assumed.notes().toString());

        ChartPlanner.Plan flagged = ChartPlanner.plan(List.of(noSidecar), 5);
        assertEquals(200, bar(chart(flagged, BarChartSpec.class, idStarts("io-")), "FIXED_POOL").ideal(), 1e-9);
        assertTrue(flagged.notes().stream().anyMatch(n -> n.contains("--cores 5")), flagged.notes().toString());

        ChartPlanner.Plan sidecar = ChartPlanner.plan(List.of(new Run("s.json", io, env(10, "21"))), 5);
        assertEquals(100, bar(chart(sidecar, BarChartSpec.class, idStarts("io-")), "FIXED_POOL").ideal(), 1e-9);
    }

    @Test
    void anUnknownModelGetsABarWithoutAnIdeal() {
        Run run = new Run("r.json", List.of(
                ss("IoBoundBenchmark.sleepTasks", params("model", "SEQUENTIAL", "sleepMs", "100", "tasks", "10"), 1001, 2),
                ss("IoBoundBenchmark.sleepTasks", params("model", "QUANTUM_THREADS", "sleepMs", "100", "tasks", "10"), 42, 2)),
                env(2, "21"));
        BarChartSpec io = chart(plan(run), BarChartSpec.class, idStarts("io-"));
        assertEquals(1000, bar(io, "SEQUENTIAL").ideal(), 1e-9);
        assertTrue(Double.isNaN(bar(io, "QUANTUM_THREADS").ideal()));
        assertEquals(42, bar(io, "QUANTUM_THREADS").value());
    }

    @Test
    void scalingHasALinePerModelTheHundredThousandPointAndAFlatIdeal() {
        LineChartSpec scaling = chart(plan(SUITE), LineChartSpec.class, idStarts("scaling"));
        assertTrue(scaling.logX() && scaling.logY());
        Map<String, Series> byName = new java.util.LinkedHashMap<>();
        scaling.series().forEach(s -> byName.put(s.name(), s));
        assertEquals(Set.of("PLATFORM_THREADS", "CACHED_POOL", "FORK_JOIN_MANAGED", "VIRTUAL_THREADS", "NON_BLOCKING_ASYNC",
                "ideal: D = 100 ms"), byName.keySet());
        for (Measurement m : SUITE.rows()) {
            if (m.shortName().equals("IoScalingBenchmark.sleepTasks")) {
                Series s = byName.get(m.param("model"));
                assertTrue(s.points().contains(new Point(Double.parseDouble(m.param("tasks")), m.score(), m.error())), m.toString());
            }
        }
        Measurement hundredK = SUITE.rows().stream().filter(m -> m.method().equals("virtualThreads100k")).findFirst().orElseThrow();
        List<Point> virtual = byName.get("VIRTUAL_THREADS").points();
        assertEquals(new Point(100_000, hundredK.score(), hundredK.error()), virtual.get(virtual.size() - 1));
        Series ideal = byName.get("ideal: D = 100 ms");
        assertTrue(ideal.ideal());
        assertEquals(List.of(100.0, 1000.0, 10000.0, 100000.0), ideal.points().stream().map(Point::x).toList());
        assertTrue(ideal.points().stream().allMatch(p -> p.y() == 100));
    }

    @Test
    void pinningAndAsyncIdealsFollowTheLesson() {
        ChartPlanner.Plan plan = plan(SUITE);
        BarChartSpec pinning = chart(plan, BarChartSpec.class, idStarts("pinning"));
        assertEquals(10, bar(pinning, "MONITOR").ideal(), 1e-9);
        assertEquals(10, bar(pinning, "REENTRANT_LOCK").ideal(), 1e-9);
        assertTrue(pinning.explanation().contains("JDK 21.0.5"), pinning.explanation());

        BarChartSpec async = chart(plan, BarChartSpec.class, idStarts("async"));
        assertEquals(List.of("awaitOneAtATime", "gatherAll", "blockingSleepInEventLoop", "errorsFailFast", "errorsCollectAll"),
                async.bars().stream().map(Bar::label).toList());
        assertEquals(500, bar(async, "awaitOneAtATime").ideal(), 1e-9);
        assertEquals(100, bar(async, "gatherAll").ideal(), 1e-9);
        assertEquals(500, bar(async, "blockingSleepInEventLoop").ideal(), 1e-9);
        assertEquals(100, bar(async, "errorsFailFast").ideal(), 1e-9);
        assertEquals(100, bar(async, "errorsCollectAll").ideal(), 1e-9);
    }

    @Test
    void spawnBarsAreEveryMethodAndFlagsWithoutAnIdeal() {
        BarChartSpec spawn = chart(plan(SUITE), BarChartSpec.class, idStarts("spawn"));
        // Method by method, in the file's order, as JMH writes them.
        assertEquals(List.of("bareJvm (DEFAULT)", "bareJvm (LEAN)", "workerSpawn (DEFAULT)", "workerSpawn (LEAN)",
                "pooledRoundTrip (DEFAULT)", "pooledRoundTrip (LEAN)"), spawn.bars().stream().map(Bar::label).toList());
        assertFalse(spawn.hasIdeal());
        assertEquals(48, bar(spawn, "bareJvm (LEAN)").value(), 1e-9);
    }

    @Test
    void counterBarsShowSpeedDocumentedExactnessAndTheMeasuredKeptShare() {
        BarChartSpec counter = chart(plan(SUITE), BarChartSpec.class, idStarts("counter"));
        assertEquals(12, counter.bars().size());
        for (Measurement m : SUITE.rows()) {
            if (!m.className().equals("CounterBenchmark")) {
                continue;
            }
            Bar b = bar(counter, m.param("variant") + " / " + m.param("mode"));
            assertEquals(m.secondary("made").score(), b.value());
            assertEquals(CounterExactness.of(m.param("variant"), m.param("mode")).label(), b.tag());
        }
        assertEquals("exact", bar(counter, "MMAP_CAS / PROCESSES").tag());
        assertEquals("kept 100%", bar(counter, "MMAP_CAS / PROCESSES").remark());
        assertEquals("loses updates", bar(counter, "NAIVE / THREADS").tag());
        assertEquals("kept 40%", bar(counter, "NAIVE / THREADS").remark());
        assertEquals("loses updates", bar(counter, "ATOMIC / PROCESSES").tag());
        assertTrue(counter.yAxis().startsWith("increments made (ops/s"), counter.yAxis());
    }

    @Test
    void keptShareNeverRoundsALossUpToAHundred() {
        assertEquals("100", ChartPlanner.keptPercent(1.0));
        assertEquals("99.9", ChartPlanner.keptPercent(0.99999));
        assertEquals("40", ChartPlanner.keptPercent(0.4));
        assertEquals("0", ChartPlanner.keptPercent(0.0));
    }

    @Test
    void anUnknownBenchmarkGetsAGenericChartWithOneBarPerRow() {
        Run run = new Run("other.json", List.of(
                new Measurement("org.example.FooBenchmark.bar", "thrpt", "ops/s", params("size", "10", "kind", "A"), 5, 0.5),
                new Measurement("org.example.FooBenchmark.bar", "thrpt", "ops/s", params("size", "20", "kind", "A"), 3, 0.3)),
                RunEnvironment.NONE);
        ChartPlanner.Plan plan = plan(run);
        BarChartSpec foo = chart(plan, BarChartSpec.class, c -> true);
        assertEquals(List.of("size=10", "size=20"), foo.bars().stream().map(Bar::label).toList());
        assertEquals(List.of(5.0, 3.0), foo.bars().stream().map(Bar::value).toList());
        assertTrue(foo.title().contains("FooBenchmark.bar") && foo.title().contains("kind=A"), foo.title());
        assertTrue(foo.yAxis().contains("ops/s") && foo.yAxis().contains("higher is better"), foo.yAxis());
    }

    @Test
    void oneRowWithoutParamsStillCharts() {
        Run run = new Run("one.json", List.of(new Measurement("Solo.run", "avgt", "us/op", Map.of(), 12.5, Double.NaN)),
                RunEnvironment.NONE);
        BarChartSpec solo = chart(plan(run), BarChartSpec.class, c -> true);
        assertEquals(1, solo.bars().size());
        assertEquals("run", solo.bars().get(0).label());
        assertTrue(solo.notes().contains(ChartPlanner.NO_ERROR_NOTE), solo.notes().toString());
    }

    @Test
    void knownBenchmarkRowsMissingTheirParamsFallBackToAGenericChart() {
        Run run = new Run("odd.json", List.of(
                ss("IoBoundBenchmark.sleepTasks", Map.of(), 100, 1),
                ss("CpuBoundBenchmark.fibList", Map.of(), 300, 1),
                ss("PinningBenchmark.sleepWhileHoldingLock", params("tasks", "100"), 20, 1),
                ss("CounterBenchmark.incrementShared", Map.of(), 20, 1)),
                RunEnvironment.NONE);
        ChartPlanner.Plan plan = plan(run);
        assertEquals(4, plan.charts().size(), plan.charts().stream().map(ChartSpec::id).toList().toString());
        assertTrue(plan.charts().stream().allMatch(c -> c instanceof BarChartSpec b && !b.hasIdeal()));
    }

    @Test
    void missingSleepParamsMeanNoIdealButStillBars() {
        Run run = new Run("r.json", List.of(ss("IoBoundBenchmark.sleepTasks", params("model", "SEQUENTIAL"), 1000, 1)),
                env(2, "21"));
        BarChartSpec io = chart(plan(run), BarChartSpec.class, idStarts("io"));
        assertEquals(1000, io.bars().get(0).value());
        assertFalse(io.hasIdeal());
        assertTrue(io.notes().stream().anyMatch(n -> n.contains("no ideal")), io.notes().toString());
    }

    @Test
    void nanScoresAndErrorsAreKeptAsNaNNotDropped() {
        Run run = new Run("nan.json", List.of(
                ss("IoBoundBenchmark.sleepTasks", params("model", "SEQUENTIAL", "sleepMs", "100", "tasks", "10"), Double.NaN, Double.NaN),
                ss("IoBoundBenchmark.sleepTasks", params("model", "VIRTUAL_THREADS", "sleepMs", "100", "tasks", "10"), 101, Double.NaN)),
                env(2, "21"));
        BarChartSpec io = chart(plan(run), BarChartSpec.class, idStarts("io"));
        assertTrue(Double.isNaN(bar(io, "SEQUENTIAL").value()));
        assertTrue(Double.isNaN(bar(io, "SEQUENTIAL").ratio()));
        assertEquals(1.01, bar(io, "VIRTUAL_THREADS").ratio(), 1e-9);
        assertTrue(io.notes().contains(ChartPlanner.NO_ERROR_NOTE));
    }

    @Test
    void throughputIdealsAreConvertedToTheRowsUnit() {
        Run run = new Run("t.json", List.of(
                new Measurement(Fixtures.PKG + "IoBoundBenchmark.sleepTasks", "thrpt", "ops/s",
                        params("model", "VIRTUAL_THREADS", "sleepMs", "100", "tasks", "10"), 9.5, 0.1)), env(2, "21"));
        BarChartSpec io = chart(plan(run), BarChartSpec.class, idStarts("io"));
        assertEquals(10, io.bars().get(0).ideal(), 1e-9);
        assertEquals(0.95, io.bars().get(0).ratio(), 1e-9);
    }

    @Test
    void aSingleFileHasNoTrendAndSaysSo() {
        ChartPlanner.Plan plan = plan(SUITE);
        assertTrue(plan.charts().stream().noneMatch(c -> c.id().startsWith("trend")));
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("two or more results files")), plan.notes().toString());
    }

    @Test
    void trendsFollowEachRowAcrossFilesAndMarkEnvironmentChanges() {
        List<Measurement> io = Fixtures.suite().stream().filter(m -> m.className().equals("IoBoundBenchmark")).toList();
        Run a = new Run("a.json", io, env(2, "21.0.5"));
        Run b = new Run("b.json", io.stream().map(m -> new Measurement(m.benchmark(), m.mode(), m.unit(), m.params(),
                m.score() * 2, m.error())).toList(), env(2, "25.0.1"));
        Run c = new Run("c.json", io, env(2, "25.0.1"));
        ChartPlanner.Plan plan = plan(a, b, c);
        LineChartSpec trend = chart(plan, LineChartSpec.class, idStarts("trend"));
        assertEquals(List.of("a.json", "b.json", "c.json"), trend.xTickLabels());
        assertEquals(io.size(), trend.series().size());
        Series seq = trend.series().stream().filter(s -> s.name().equals("SEQUENTIAL")).findFirst().orElseThrow();
        double first = io.get(0).score();
        assertEquals(List.of(new Point(1, first, io.get(0).error()), new Point(2, first * 2, io.get(0).error()),
                new Point(3, first, io.get(0).error())), seq.points());
        assertEquals(List.of(new LineChartSpec.Marker(1.5, "JDK 21.0.5 -> 25.0.1")), trend.markers());
        // The charts per workload come from the newest file.
        assertEquals("c.json", chart(plan, BarChartSpec.class, idStarts("io")).source());
    }

    @Test
    void aBenchmarkInOnlyOneFileGetsNoTrend() {
        List<Measurement> rows = Fixtures.suite();
        Run a = new Run("a.json", rows.stream().filter(m -> m.className().equals("IoBoundBenchmark")).toList(), env(2, "21"));
        Run b = new Run("b.json", rows.stream().filter(m -> m.className().equals("PinningBenchmark")).toList(), env(2, "21"));
        ChartPlanner.Plan plan = plan(a, b);
        assertTrue(plan.charts().stream().noneMatch(c -> c.id().startsWith("trend")));
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("no trend charts")), plan.notes().toString());
        assertEquals("a.json", chart(plan, BarChartSpec.class, idStarts("io")).source());
        assertEquals("b.json", chart(plan, BarChartSpec.class, idStarts("pinning")).source());
    }

    @Test
    void chartIdsAreUniqueAndFileSafe() {
        Run a = new Run("a.json", Fixtures.suite(), env(2, "21"));
        Run b = new Run("b.json", Fixtures.suite(), env(2, "21"));
        ChartPlanner.Plan plan = plan(a, b);
        Set<String> ids = new HashSet<>();
        for (ChartSpec c : plan.charts()) {
            assertTrue(c.id().matches("[a-z0-9-]{1,90}"), c.id());
            assertTrue(ids.add(c.id()), "duplicate " + c.id());
            assertFalse(c.explanation().isBlank(), c.id());
        }
    }

    @Test
    void chartsComeInTheOrderTheLessonsAreTold() {
        List<Measurement> shuffled = new java.util.ArrayList<>(Fixtures.suite());
        java.util.Collections.reverse(shuffled);
        shuffled.add(new Measurement("org.example.Other.thing", "avgt", "us/op", Map.of(), 1, 0.1));
        Run a = new Run("a.json", shuffled, env(2, "21"));
        Run b = new Run("b.json", shuffled, env(2, "21"));
        List<String> kinds = plan(a, b).charts().stream().map(c -> c.id().replaceFirst("-.*$", "")).distinct().toList();
        assertEquals(List.of("cpu", "io", "scaling", "pinning", "async", "spawn", "counter", "other", "trend"), kinds);
    }

    @Test
    void noRunsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ChartPlanner.plan(List.of(), null));
    }
}
