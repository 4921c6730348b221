package dev.concurrencybench.report;

import static dev.concurrencybench.report.Fixtures.bar;
import static dev.concurrencybench.report.Fixtures.chart;
import static dev.concurrencybench.report.Fixtures.idStarts;
import static dev.concurrencybench.report.Fixtures.params;
import static dev.concurrencybench.report.Fixtures.plan;
import static dev.concurrencybench.report.Fixtures.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.report.BarChartSpec.Bar;
import dev.concurrencybench.results.BenchMode;
import dev.concurrencybench.results.BenchmarkResult;
import dev.concurrencybench.results.ResultsFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IoLessonTest {

    @Test
    void ioIdealIsOneSleepARoundPerPoolSizeOrNForSequential() {
        ResultsFile suite = Fixtures.run("suite.json", Fixtures.suite(), 2, "21.0.5");
        BarChartSpec io = chart(plan(suite), BarChartSpec.class, idStarts("io-"));
        assertEquals(1000, bar(io, "SEQUENTIAL").ideal(), 1e-9);
        assertEquals(100, bar(io, "VIRTUAL_THREADS").ideal(), 1e-9);
        assertEquals(500, bar(io, "FIXED_POOL").ideal(), 1e-9);
        assertEquals(500, bar(io, "COMPLETABLE_FUTURE").ideal(), 1e-9);
        assertEquals(500, bar(io, "PROCESS_POOL").ideal(), 1e-9);
        assertEquals(100, bar(io, "PROCESS_PER_TASK").ideal(), 1e-9);
        List<BenchmarkResult> rows = Fixtures.ofClass(suite.results(), "IoBoundBenchmark");
        assertEquals(rows.stream().map(r -> r.param("model")).toList(), io.bars().stream().map(Bar::label).toList());
        assertEquals(rows.stream().map(r -> r.primary().score()).toList(), io.bars().stream().map(Bar::value).toList());
        assertTrue(io.notes().stream().noneMatch(n -> n.startsWith("Not a model")), io.notes().toString());
    }

    @Test
    void aModelFromAnotherBuildGetsABarWithoutAnIdealAndANote() {
        ResultsFile run = Fixtures.run("r.json", List.of(
                ss("IoBoundBenchmark.sleepTasks", params("model", "SEQUENTIAL", "sleepMs", "100", "tasks", "10"), 1001, 2),
                ss("IoBoundBenchmark.sleepTasks", params("model", "QUANTUM_THREADS", "sleepMs", "100", "tasks", "10"), 42, 2)),
                2, "21");
        BarChartSpec io = chart(plan(run), BarChartSpec.class, idStarts("io-"));
        assertEquals(1000, bar(io, "SEQUENTIAL").ideal(), 1e-9);
        assertTrue(Double.isNaN(bar(io, "QUANTUM_THREADS").ideal()));
        assertEquals(42, bar(io, "QUANTUM_THREADS").value());
        assertTrue(io.notes().contains("Not a model of this build of the suite (the results file comes from an older or newer"
                + " version): QUANTUM_THREADS; drawn without an ideal."), io.notes().toString());
    }

    @Test
    void missingSleepParamsMeanNoIdealButStillBars() {
        ResultsFile run = Fixtures.run("r.json", List.of(ss("IoBoundBenchmark.sleepTasks", params("model", "SEQUENTIAL"), 1000, 1)),
                2, "21");
        BarChartSpec io = chart(plan(run), BarChartSpec.class, idStarts("io"));
        assertEquals(1000, io.bars().get(0).value());
        assertFalse(io.hasIdeal());
        assertTrue(io.notes().contains(IoLesson.NO_SLEEP_PARAMS), io.notes().toString());
    }

    @Test
    void nanScoresAndErrorsAreKeptAsNaNNotDropped() {
        ResultsFile run = Fixtures.run("nan.json", List.of(
                ss("IoBoundBenchmark.sleepTasks", params("model", "SEQUENTIAL", "sleepMs", "100", "tasks", "10"), Double.NaN, Double.NaN),
                ss("IoBoundBenchmark.sleepTasks", params("model", "VIRTUAL_THREADS", "sleepMs", "100", "tasks", "10"), 101, Double.NaN)),
                2, "21");
        BarChartSpec io = chart(plan(run), BarChartSpec.class, idStarts("io"));
        assertTrue(Double.isNaN(bar(io, "SEQUENTIAL").value()));
        assertTrue(Double.isNaN(bar(io, "SEQUENTIAL").ratio()));
        assertEquals(1.01, bar(io, "VIRTUAL_THREADS").ratio(), 1e-9);
        assertTrue(io.notes().contains(Charts.NO_ERROR_NOTE));
    }

    @Test
    void throughputIdealsAreConvertedToTheRowsUnit() {
        ResultsFile run = Fixtures.run("t.json", List.of(Fixtures.result(Fixtures.PKG + "IoBoundBenchmark.sleepTasks",
                BenchMode.THROUGHPUT, "ops/s", params("model", "VIRTUAL_THREADS", "sleepMs", "100", "tasks", "10"), 9.5, 0.1,
                Map.of())), 2, "21");
        BarChartSpec io = chart(plan(run), BarChartSpec.class, idStarts("io"));
        assertEquals(10, io.bars().get(0).ideal(), 1e-9);
        assertEquals(0.95, io.bars().get(0).ratio(), 1e-9);
        assertTrue(io.yAxis().startsWith("throughput (ops/s, higher is better)"), io.yAxis());
    }

    @Test
    void coresUsedChartMarksAboutZeroAsALineNotARatio() {
        List<BenchmarkResult> rows = Fixtures.ofClass(Fixtures.suite(), "IoBoundBenchmark").stream()
                .map(r -> Fixtures.withUsage(r, "PROCESS_PER_TASK".equals(r.param("model")) ? 1.6 : 0.04, 20, 80, false)).toList();
        BarChartSpec cores = chart(plan(Fixtures.run("r.json", rows, 2, "21")), BarChartSpec.class, idStarts("cores-io"));
        assertEquals(rows.stream().map(r -> r.param("model")).toList(), cores.bars().stream().map(Bar::label).toList());
        assertEquals(rows.stream().map(r -> r.secondary("cpu.cores").score()).toList(),
                cores.bars().stream().map(Bar::value).toList());
        assertFalse(cores.hasIdeal(), "no ratio against 0");
        assertEquals(List.of(new BarChartSpec.Level(CoresUsed.ABOUT_ZERO, "ideal: about 0 (at most 0.1 core)")), cores.levels());
        assertTrue(cores.notes().contains(CoresUsed.ABOUT_ZERO_NOTE));
        assertTrue(cores.notes().stream().anyMatch(n -> n.startsWith("PROCESS_PER_TASK is the exception")), cores.notes().toString());
        // The table says what the line is in its notes, and has no ideal column to misread.
        assertEquals(List.of("", "measured (cores)", "± error"), Tables.of(cores).header());

        List<BenchmarkResult> noProcess = rows.stream().filter(r -> !"PROCESS_PER_TASK".equals(r.param("model"))).toList();
        BarChartSpec quiet = chart(plan(Fixtures.run("r.json", noProcess, 2, "21")), BarChartSpec.class, idStarts("cores-io"));
        assertTrue(quiet.notes().stream().noneMatch(n -> n.contains("PROCESS_PER_TASK")), quiet.notes().toString());
    }
}
