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
import dev.concurrencybench.results.ResultsFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuLessonTest {

    private static final ResultsFile SUITE = Fixtures.run("suite.json", Fixtures.suite(), 2, "21.0.5");

    @Test
    void cpuBarsCarryEachModelsScoreErrorAndIdeal() {
        BarChartSpec cpu = chart(plan(SUITE), BarChartSpec.class, idStarts("cpu"));
        List<BenchmarkResult> rows = Fixtures.ofClass(SUITE.results(), "CpuBoundBenchmark");
        assertEquals(rows.size(), cpu.bars().size());
        double seq = Fixtures.row(rows, "fibList", "model", "SEQUENTIAL").primary().score();
        for (BenchmarkResult r : rows) {
            Bar b = r.method().equals("fibList") ? bar(cpu, r.param("model")) : bar(cpu, "recursive ForkJoin (threshold 20)");
            assertEquals(r.primary().score(), b.value());
            assertEquals(r.primary().scoreError(), b.error());
        }
        assertEquals(seq, bar(cpu, "SEQUENTIAL").ideal(), 1e-9);
        // Two cores: half of SEQUENTIAL, which is more than the longest task (39% of the work).
        assertEquals(seq / 2, bar(cpu, "VIRTUAL_THREADS").ideal(), 1e-9);
        assertEquals(seq / 2, bar(cpu, "PROCESS_POOL").ideal(), 1e-9);
        assertEquals(seq / 2, bar(cpu, "recursive ForkJoin (threshold 20)").ideal(), 1e-9);
        assertEquals(bar(cpu, "FIXED_POOL").value() / (seq / 2), bar(cpu, "FIXED_POOL").ratio(), 1e-12);
        assertTrue(cpu.yAxis().contains("ms/op"));
        assertTrue(cpu.explanation().contains("SEQUENTIAL / 2 cores"), cpu.explanation());
    }

    @Test
    void cpuIdealOnMoreCoresIsBoundByTheLongestTask() {
        BarChartSpec cpu = chart(plan(Fixtures.run("four.json", Fixtures.suite(), 4, "21.0.5")), BarChartSpec.class, idStarts("cpu"));
        double seq = bar(cpu, "SEQUENTIAL").value();
        double share = Ideals.longestShare(Ideals.parseFibs(Fixtures.FIBS));
        assertEquals(seq * share, bar(cpu, "PLATFORM_THREADS").ideal(), 1e-9);
        // The divide-and-conquer version splits fib(36) too.
        assertEquals(seq / 4, bar(cpu, "recursive ForkJoin (threshold 20)").ideal(), 1e-9);
    }

    @Test
    void withoutASequentialRowTheCpuChartHasNoIdealAndSaysWhy() {
        List<BenchmarkResult> rows = Fixtures.ofClass(Fixtures.suite(), "CpuBoundBenchmark").stream()
                .filter(r -> !"SEQUENTIAL".equals(r.param("model"))).toList();
        BarChartSpec cpu = chart(plan(Fixtures.run("r.json", rows, 2, "21")), BarChartSpec.class, idStarts("cpu"));
        assertFalse(cpu.hasIdeal());
        assertTrue(cpu.notes().stream().anyMatch(n -> n.contains("No SEQUENTIAL row")), cpu.notes().toString());
    }

    @Test
    void aModelFromAnotherBuildIsDrawnWithoutAnIdealAndNamedInANote() {
        List<BenchmarkResult> rows = List.of(
                Fixtures.ss("CpuBoundBenchmark.fibList", Fixtures.params("model", "SEQUENTIAL", "fibs", Fixtures.FIBS), 600, 1),
                Fixtures.ss("CpuBoundBenchmark.fibList", Fixtures.params("model", "QUANTUM_THREADS", "fibs", Fixtures.FIBS), 1, 1));
        BarChartSpec cpu = chart(plan(Fixtures.run("r.json", rows, 2, "21")), BarChartSpec.class, idStarts("cpu"));
        assertEquals(600, bar(cpu, "SEQUENTIAL").ideal(), 1e-9);
        assertEquals(1, bar(cpu, "QUANTUM_THREADS").value());
        assertFalse(bar(cpu, "QUANTUM_THREADS").hasIdeal());
        assertTrue(cpu.notes().stream().anyMatch(n -> n.startsWith("Not a model of this build") && n.contains("QUANTUM_THREADS")),
                cpu.notes().toString());
    }

    // ------------------------------------------------------------------ cores used (-prof cpu)

    /** The suite's CPU rows with made-up -prof cpu figures: SEQUENTIAL one core, the others 1.9. */
    private static List<BenchmarkResult> profiledCpuRows(boolean jvmOnly) {
        return Fixtures.ofClass(Fixtures.suite(), "CpuBoundBenchmark").stream()
                .map(r -> Fixtures.withUsage(r, "SEQUENTIAL".equals(r.param("model")) ? 1.0 : 1.9, 20, 80, jvmOnly)).toList();
    }

    @Test
    void coresUsedChartHasEachRowsCoresAgainstWhatTheModelAndTheWorkAllow() {
        ChartPlanner.Plan plan = plan(Fixtures.run("r.json", profiledCpuRows(false), 2, "21"));
        BarChartSpec cores = chart(plan, BarChartSpec.class, idStarts("cores-cpu"));
        assertEquals(List.of("cpu", "cores-cpu"), plan.charts().stream().limit(2).map(c -> c.id().replaceAll("-fibs.*", "")).toList(),
                "the cores chart follows the time chart");
        assertEquals(12, cores.bars().size());
        assertEquals(1.0, bar(cores, "SEQUENTIAL").value());
        assertEquals(1.9, bar(cores, "FIXED_POOL").value());
        assertEquals(0.01, bar(cores, "FIXED_POOL").error());
        assertEquals(1, bar(cores, "SEQUENTIAL").ideal(), 1e-12);
        // Two cores, and the work allows 2.53 (fib(36) is 39.5% of it): the cores bind.
        assertEquals(2, bar(cores, "FIXED_POOL").ideal(), 1e-12);
        assertEquals(2, bar(cores, "recursive ForkJoin (threshold 20)").ideal(), 1e-12);
        assertTrue(cores.yAxis().startsWith("cores used (cores,"), cores.yAxis());
        assertTrue(cores.levels().isEmpty());
        assertTrue(cores.notes().get(0).contains("2.53 cores"), cores.notes().toString());
    }

    @Test
    void onFourCoresTheCoresIdealIsWhatTheWorkAllows() {
        BarChartSpec cores = chart(plan(Fixtures.run("r.json", profiledCpuRows(false), 4, "21")), BarChartSpec.class,
                idStarts("cores-cpu"));
        double allowed = 1 / Ideals.longestShare(Ideals.parseFibs(Fixtures.FIBS));
        assertEquals(allowed, bar(cores, "PLATFORM_THREADS").ideal(), 1e-12);
        assertEquals(1, bar(cores, "SEQUENTIAL").ideal(), 1e-12);
        // The recursive version splits fib(36) too.
        assertEquals(4, bar(cores, "recursive ForkJoin (threshold 20)").ideal(), 1e-12);
    }

    @Test
    void timeTableShowsCpuAndCoresBesideEachTime() {
        List<BenchmarkResult> rows = profiledCpuRows(false);
        BarChartSpec cpu = chart(plan(Fixtures.run("r.json", rows, 2, "21")), BarChartSpec.class, idStarts("cpu"));
        Tables.Table t = Tables.of(cpu);
        assertEquals(List.of("", "measured (ms/op)", "± error", "ideal (ms/op)", "measured / ideal", "CPU (ms/op)",
                "cores used (cores)"), t.header());
        BenchmarkResult fixed = Fixtures.row(rows, "fibList", "model", "FIXED_POOL");
        List<String> row = t.rows().stream().filter(r -> r.get(0).equals("FIXED_POOL")).findFirst().orElseThrow();
        assertEquals(Tables.number(fixed.secondary("cpu.time").score()), row.get(5));
        assertEquals("1.9", row.get(6));
    }

    @Test
    void jvmOnlyFiguresAreLabelledAsSuch() {
        ChartPlanner.Plan plan = plan(Fixtures.run("r.json", profiledCpuRows(true), 2, "21"));
        BarChartSpec cores = chart(plan, BarChartSpec.class, idStarts("cores-cpu"));
        assertEquals("cores (jvm only)", ChartRenderer.shortUnit(cores.yAxis()));
        assertTrue(cores.notes().contains(CoresUsed.JVM_ONLY_NOTE), cores.notes().toString());
        BarChartSpec cpu = chart(plan, BarChartSpec.class, idStarts("cpu"));
        assertTrue(Tables.of(cpu).header().containsAll(List.of("CPU (ms/op, jvm only)", "cores used (cores, jvm only)")),
                Tables.of(cpu).header().toString());
    }

    @Test
    void rowsWithoutTheFigureGetAnEmptySlotAndANoteAndFilesWithoutAnyGetNoChart() {
        List<BenchmarkResult> rows = new java.util.ArrayList<>(profiledCpuRows(false));
        rows.replaceAll(r -> "PROCESS_PER_TASK".equals(r.param("model"))
                ? Fixtures.ss("CpuBoundBenchmark.fibList", r.params(), 900, 1) : r);
        BarChartSpec cores = chart(plan(Fixtures.run("r.json", rows, 2, "21")), BarChartSpec.class, idStarts("cores-cpu"));
        assertTrue(Double.isNaN(bar(cores, "PROCESS_PER_TASK").value()));
        assertTrue(cores.notes().stream().anyMatch(n -> n.startsWith("No cores-used figure") && n.contains("PROCESS_PER_TASK")),
                cores.notes().toString());
        assertTrue(plan(SUITE).charts().stream().noneMatch(c -> c.id().startsWith("cores")));
        BarChartSpec cpu = chart(plan(SUITE), BarChartSpec.class, idStarts("cpu"));
        assertEquals(List.of("", "measured (ms/op)", "± error", "ideal (ms/op)", "measured / ideal"), Tables.of(cpu).header());
    }
}
