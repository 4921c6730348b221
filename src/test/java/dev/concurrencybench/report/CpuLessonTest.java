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
}
