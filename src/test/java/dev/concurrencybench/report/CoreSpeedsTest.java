package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.bar;
import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.check;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.machine.CoreCheck;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CPU ideal on measured core speeds (issue 12), from core checks made up by {@link Fixtures#check}. */
class CoreSpeedsTest {

    private static final List<BenchmarkResult> CPU = Fixtures.ofClass(Fixtures.suite(), "CpuBoundBenchmark");
    private static final double SEQ = Fixtures.row(CPU, "fibList", "model", "SEQUENTIAL").primary().score();
    private static final double SHARE = Ideals.longestShare(Ideals.parseFibs(Fixtures.FIBS));

    private static BarChartSpec cpuChart(ResultsFile run) {
        return chart(plan(run), BarChartSpec.class, idStarts("cpu"));
    }

    @Test
    void unequalCoresMakeTheWorkOverTheCapacityTheIdeal() {
        // CPU 1 takes 1/0.57 as long as CPU 0: capacity 1.57 fastest-CPU equivalents.
        CoreCheck unequal = check(100, 100 / 0.57);
        assertEquals(CoreCheck.Verdict.UNEQUAL, unequal.verdict());
        BarChartSpec cpu = cpuChart(Fixtures.withChecks("r.json", CPU, 2, unequal, unequal));
        assertEquals(SEQ / 1.57, bar(cpu, "FIXED_POOL").ideal(), 1e-9);
        assertEquals(SEQ / 1.57, bar(cpu, "PROCESS_POOL").ideal(), 1e-9);
        assertEquals(SEQ / 1.57, bar(cpu, "recursive ForkJoin (threshold 20)").ideal(), 1e-9);
        // One thread at a time: the fastest CPU alone, which SEQUENTIAL is taken to have run on.
        assertEquals(SEQ, bar(cpu, "SEQUENTIAL").ideal(), 1e-9);
        // A pool that used both CPUs fully reads 1.00x (issue 12's target: at most 1.1), where equal cores said 1.27x.
        List<BenchmarkResult> perfect = CPU.stream()
                .map(r -> "FIXED_POOL".equals(r.param("model")) ? Fixtures.withScore(r, SEQ / 1.57) : r).toList();
        assertEquals(1.0, bar(cpuChart(Fixtures.withChecks("r.json", perfect, 2, unequal, unequal)), "FIXED_POOL").ratio(), 1e-9);
        assertEquals(2 / 1.57, bar(cpuChart(Fixtures.withChecks("r.json", perfect, 2, null, null)), "FIXED_POOL").ratio(), 1e-9);
        assertTrue(cpu.notes().stream().anyMatch(n -> n.startsWith("Capacity 1.57 fastest-CPU equivalents on 2 CPUs"
                + " (CPU 0 1.00, CPU 1 0.57): the mean of the core checks before (unequal, capacity 1.57) and after"
                + " (unequal, capacity 1.57) the run.")), cpu.notes().toString());
        assertTrue(cpu.explanation().contains("capacity 1.57 of 2 CPUs"), cpu.explanation());
    }

    @Test
    void theIdealIsNeverBetterThanTheLongestTaskOnTheFastestCpu() {
        CoreCheck four = check(100, 100, 100, 100);
        BarChartSpec cpu = cpuChart(Fixtures.withChecks("r.json", CPU, 4, four, four));
        assertEquals(SEQ * SHARE, bar(cpu, "FIXED_POOL").ideal(), 1e-9);
        assertEquals(SEQ / 4, bar(cpu, "recursive ForkJoin (threshold 20)").ideal(), 1e-9);
    }

    @Test
    void theSpeedsAreTheMeanOfTheChecksBeforeAndAfter() {
        CoreSpeeds mean = CoreSpeeds.of(Fixtures.withChecks("r.json", CPU, 2, check(100, 200), check(100, 100)), 2);
        assertTrue(mean.measured());
        assertEquals(1.75, mean.capacity(), 1e-12);
        assertEquals(1.0, mean.capacity(1), 1e-12);
        // The fastest CPU changed between the checks: on average both were as fast.
        CoreSpeeds swapped = CoreSpeeds.of(Fixtures.withChecks("r.json", CPU, 2, check(100, 200), check(200, 100)), 2);
        assertEquals(2.0, swapped.capacity(), 1e-12);
    }

    @Test
    void oneCheckIsUsedAlone() {
        CoreSpeeds before = CoreSpeeds.of(Fixtures.withChecks("r.json", CPU, 2, check(100, 200), null), 2);
        assertEquals(1.5, before.capacity(), 1e-12);
        assertTrue(before.describe().contains("the core check before the run (unequal, capacity 1.50), the only one"),
                before.describe());
        CoreSpeeds after = CoreSpeeds.of(Fixtures.withChecks("r.json", CPU, 2, null, check(200, 100)), 2);
        assertEquals(1.5, after.capacity(), 1e-12);
        assertTrue(after.describe().contains("CPU 0 0.50, CPU 1 1.00"), after.describe());
    }

    @Test
    void withoutUsableChecksEqualCoresAreAssumedAndTheChartSaysSo() {
        BarChartSpec noChecks = cpuChart(Fixtures.withChecks("r.json", CPU, 2, null, null));
        assertEquals(SEQ / 2, bar(noChecks, "FIXED_POOL").ideal(), 1e-9);
        assertTrue(noChecks.notes().stream().anyMatch(n -> n.startsWith("Equal cores assumed: this run's sidecar has no core check")),
                noChecks.notes().toString());
        assertEquals(CpuLesson.TEXT.formatted(2), noChecks.explanation());

        BarChartSpec noSidecar = cpuChart(Fixtures.bare("r.json", CPU));
        assertTrue(noSidecar.notes().contains("Equal cores assumed: this run has no sidecar, so no core check."),
                noSidecar.notes().toString());

        // A check of 4 CPUs cannot describe a run on 2.
        CoreSpeeds mismatch = CoreSpeeds.of(Fixtures.withChecks("r.json", CPU, 2, check(1, 1, 1, 2), null), 2);
        assertFalse(mismatch.measured());
        assertEquals(2, mismatch.capacity(), 1e-12);
        assertTrue(mismatch.describe().contains("covers 4 CPUs, but the run had 2"), mismatch.describe());

        // A speed no check can measure (a sidecar edited by hand) is not used.
        CoreCheck broken = new CoreCheck("t", "fib(30)", 1, 1, null, List.of(new CoreCheck.CpuSpeed(0, 1, 1, 0, 0.0, 0.0, List.of()),
                new CoreCheck.CpuSpeed(1, 1, Double.NaN, 0, 0.0, 0.0, List.of())), Double.NaN, 0, 0.0, 0.0, CoreCheck.Verdict.EQUAL);
        BarChartSpec unusable = cpuChart(Fixtures.withChecks("r.json", CPU, 2, broken, null));
        assertEquals(SEQ / 2, bar(unusable, "FIXED_POOL").ideal(), 1e-9);
        assertTrue(unusable.notes().stream().anyMatch(n -> n.contains("not a positive number")), unusable.notes().toString());
    }

    @Test
    void aBarWellBelowItsIdealSaysTheIdealIsTooGenerous() {
        // SEQUENTIAL ran on the slow CPU: the work it sets is overstated, and the pools seem to beat physics.
        CoreCheck unequal = check(100, 200);
        List<BenchmarkResult> rows = List.of(Fixtures.row(CPU, "fibList", "model", "SEQUENTIAL"),
                Fixtures.withScore(Fixtures.row(CPU, "fibList", "model", "FIXED_POOL"), SEQ / 1.5 * 0.8));
        BarChartSpec cpu = cpuChart(Fixtures.withChecks("r.json", rows, 2, unequal, unequal));
        assertEquals(0.8, bar(cpu, "FIXED_POOL").ratio(), 1e-9);
        assertTrue(cpu.notes().stream().anyMatch(n -> n.startsWith("Below 0.9x of the ideal: FIXED_POOL 0.80x.")),
                cpu.notes().toString());
        assertTrue(cpuChart(Fixtures.run("r.json", CPU, 2, "21")).notes().stream().noneMatch(n -> n.startsWith("Below")));
    }
}
