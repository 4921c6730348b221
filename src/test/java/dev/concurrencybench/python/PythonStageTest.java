package dev.concurrencybench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.results.RunProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Python rows a profile run adds for the Java benchmarks it selected, and a run without Python. */
class PythonStageTest {

    private static final List<String> MODELS = List.of("sequential", "Thread", "ThreadPoolExecutor", "Process", "Pool");
    private static final List<Interpreters.Benchmark> DECLARED = List.of(
            new Interpreters.Benchmark("python.CpuBound.fibList", "CpuBoundBenchmark.fibList",
                    Map.of("model", MODELS, "fibs", List.of("36,35"))),
            new Interpreters.Benchmark("python.IoBound.sleepTasks", "IoBoundBenchmark.sleepTasks",
                    Map.of("model", MODELS, "tasks", List.of("10"), "sleepMs", List.of("100"))),
            new Interpreters.Benchmark("python.Async.gatherAll", "AsyncBenchmark.gatherAll",
                    Map.of("tasks", List.of("5"), "sleepMs", List.of("100"), "failingJob", List.of("2"))));

    @TempDir
    Path dir;

    private static Optional<NotebookRun.Request> request(String... args) {
        return PythonStage.Selection.of(List.of(args)).request(RunProfile.QUICK, DECLARED);
    }

    @Test
    void theWholeSuiteRunsEveryPythonTwinWithThePythonProfilesOwnSettings() {
        NotebookRun.Request r = request("--profile", "quick").orElseThrow();
        assertEquals(List.of("^python\\.CpuBound\\.fibList$", "^python\\.IoBound\\.sleepTasks$", "^python\\.Async\\.gatherAll$"),
                r.patterns());
        assertEquals(List.of("--profile", "quick", "^python\\.CpuBound\\.fibList$", "^python\\.IoBound\\.sleepTasks$",
                "^python\\.Async\\.gatherAll$"), r.arguments());
    }

    @Test
    void patternsAndExcludesSelectAsJmhDid() {
        assertEquals(List.of("^python\\.CpuBound\\.fibList$"), request("CpuBoundBenchmark.fibList$").orElseThrow().patterns());
        assertEquals(List.of("^python\\.CpuBound\\.fibList$", "^python\\.Async\\.gatherAll$"),
                request("-e", "IoBound").orElseThrow().patterns());
        assertEquals(Optional.empty(), request("SpawnBenchmark", "CounterBenchmark"));
        assertEquals(Optional.empty(), request("CpuBoundBenchmark.fibListRecursiveForkJoin"));
    }

    @Test
    void modelsMapToTheirTwinsAndModelsWithoutOneDropThoseRows() {
        NotebookRun.Request r = request("-p", "model=SEQUENTIAL,VIRTUAL_THREADS,PROCESS_POOL", "-p", "fibs=20/15",
                "-p", "threshold=10", "-pcounter=x").orElseThrow();
        assertEquals(List.of("model=sequential,Pool", "fibs=20/15"), r.params());
        // Virtual threads have no twin: only the async rows, which have no model, are left.
        NotebookRun.Request async = request("-p", "model=VIRTUAL_THREADS").orElseThrow();
        assertEquals(List.of("^python\\.Async\\.gatherAll$"), async.patterns());
        assertEquals(List.of(), async.params());
    }

    @Test
    void countsTypedOnTheCommandLineCarryOver() {
        NotebookRun.Request r = request("-f", "1", "-wi", "0", "-i", "2", "-prof", "gc", "IoBound").orElseThrow();
        assertEquals(List.of("--profile", "quick", "-f", "1", "-wi", "0", "-i", "2", "^python\\.IoBound\\.sleepTasks$"),
                r.arguments());
    }

    @Test
    void withoutPythonTheRunSaysSoInOneLineAndSucceeds() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PythonStage.afterJmh(RunProfile.FULL, List.of(), dir, Pythons.path(empty), new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(0, status);
        assertEquals("", err.toString());
        assertEquals(1, out.toString().lines().count(), out.toString());
        assertTrue(out.toString().contains("no usable Python: looked for python3 on the PATH (" + empty + ")")
                && out.toString().contains("did not run"), out.toString());
    }

    @Test
    void aRunOfBenchmarksWithoutTwinsDoesNotLookForPython() {
        StringWriter out = new StringWriter();
        assertEquals(0, PythonStage.afterJmh(RunProfile.FULL, List.of("SpawnBenchmark"), dir, "", new PrintWriter(out),
                new PrintWriter(new StringWriter())));
        assertEquals("", out.toString());
    }
}
