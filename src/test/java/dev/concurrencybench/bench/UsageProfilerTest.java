package dev.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import dev.concurrencybench.Main;
import dev.concurrencybench.process.JavaCommand;
import dev.concurrencybench.results.Metric;
import dev.concurrencybench.usage.UsageMetric;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The profiler through JMH's Runner, in a forked JVM as real runs are, on the suite's own
 * benchmarks with tiny parameters: fib on a fixed pool, one sleep, N platform threads that sleep
 * together. Ratios, never times: busy cores are busy, a sleep is not, N threads alive at once are
 * counted. (Benchmarks written for this test alone would add a META-INF/BenchmarkList to the test
 * classes, which other tests take for the suite's.)
 */
class UsageProfilerTest {

    private static final int THREADS = 64;

    /** fib(34) four times on a pool of one thread per core: busy cores. */
    private static ChainedOptionsBuilder fib() {
        return measured("CpuBoundBenchmark\\.fibList$").param("model", "FIXED_POOL").param("fibs", "34,34,34,34");
    }

    /** One task that sleeps 300 ms. */
    private static ChainedOptionsBuilder sleep() {
        return measured("IoBoundBenchmark\\.sleepTasks$").param("model", "SEQUENTIAL").param("tasks", "1")
                .param("sleepMs", "300");
    }

    /** THREADS platform threads, started in a few ms, each sleeping 500 ms: all alive together. */
    private static ChainedOptionsBuilder threads() {
        return measured("IoScalingBenchmark\\.sleepTasks$").param("model", "PLATFORM_THREADS")
                .param("tasks", Integer.toString(THREADS)).param("sleepMs", "500");
    }

    private static ChainedOptionsBuilder measured(String pattern) {
        return new OptionsBuilder()
                .include(pattern)
                .forks(1)
                .warmupIterations(1)
                .measurementIterations(3)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    private static RunResult run(ChainedOptionsBuilder options) throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        Leaks.assertNoChildProcesses();
        assertEquals(1, results.size());
        return results.iterator().next();
    }

    private static double score(RunResult r, UsageMetric m) {
        Result<?> result = r.getSecondaryResults().get(m.label());
        assertNotNull(result, m.label() + " missing from " + r.getSecondaryResults().keySet());
        return result.getScore();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void busyCoresAreCounted() throws RunnerException {
        RunResult fib = run(fib().addProfiler(UsageProfiler.class));
        assertTrue(score(fib, UsageMetric.CPU_CORES) >= 0.5, "fib on a fixed pool: " + fib.getSecondaryResults());
        assertEquals("cores", fib.getSecondaryResults().get("cpu.cores").getScoreUnit());
        assertEquals("ms/op", fib.getSecondaryResults().get("cpu.time").getScoreUnit());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aSleepUsesLittleCpu() throws RunnerException {
        RunResult sleep = run(sleep().addProfiler(UsageProfiler.class));
        double wall = sleep.getPrimaryResult().getScore();
        assertTrue(score(sleep, UsageMetric.CPU_TIME) < wall / 4, "a " + wall + " ms sleep used "
                + score(sleep, UsageMetric.CPU_TIME) + " ms of CPU");

        // The measuring's own CPU, per operation, combined by its mean over the iterations.
        assertTrue(score(sleep, UsageMetric.CPU_PROFILER) >= 0, sleep.getSecondaryResults().toString());
        assertEquals("ms/op", sleep.getSecondaryResults().get("cpu.profiler").getScoreUnit());
        List<IterationResult> iterations = sleep.getBenchmarkResults().iterator().next().getIterationResults().stream().toList();
        double mean = iterations.stream().mapToDouble(it -> it.getSecondaryResults().get("cpu.profiler").getScore()).average().orElseThrow();
        assertEquals(mean, score(sleep, UsageMetric.CPU_PROFILER), 1e-9);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void threadsAliveTogetherAreCountedAndEachIterationKeepsItsPeak() throws RunnerException {
        RunResult hold = run(threads().addProfiler(UsageProfiler.class));
        assertTrue(score(hold, UsageMetric.OS_THREADS_PEAK) >= THREADS, hold.getSecondaryResults().toString());
        assertTrue(score(hold, UsageMetric.RSS_PEAK) > 0);
        assertEquals("threads", hold.getSecondaryResults().get("os.threads.peak").getScoreUnit());
        assertEquals("MB", hold.getSecondaryResults().get("rss.peak").getScoreUnit());

        // Every measured iteration carries its own figures (the JSON's rawData); a peak is their maximum.
        List<IterationResult> iterations = hold.getBenchmarkResults().iterator().next().getIterationResults().stream().toList();
        assertEquals(3, iterations.size());
        double max = 0;
        for (IterationResult it : iterations) {
            Result<?> peak = it.getSecondaryResults().get("os.threads.peak");
            assertNotNull(peak, "iteration without its own peak");
            max = Math.max(max, peak.getScore());
        }
        assertEquals(max, score(hold, UsageMetric.OS_THREADS_PEAK));
    }

    @Test
    void withoutProcTheJvmAloneIsMeasuredAndTheUnitsSaySo(@TempDir Path empty) throws RunnerException {
        RunResult fib = run(fib().addProfiler(UsageProfiler.class, "proc=" + empty));
        assertEquals("cores (jvm only)", fib.getSecondaryResults().get("cpu.cores").getScoreUnit());
        assertEquals("ms/op (jvm only)", fib.getSecondaryResults().get("cpu.time").getScoreUnit());
        assertTrue(score(fib, UsageMetric.CPU_CORES) >= 0.5, fib.getSecondaryResults().toString());
        assertNull(fib.getSecondaryResults().get("rss.peak"), "no resident memory without /proc");
        assertNull(fib.getSecondaryResults().get("cpu.profiler"), "the fallback neither measures its own CPU nor leaves it out");

        RunResult hold = run(threads().addProfiler(UsageProfiler.class, "proc=" + empty));
        assertEquals("java threads (jvm only)", hold.getSecondaryResults().get("os.threads.peak").getScoreUnit());
        assertTrue(score(hold, UsageMetric.OS_THREADS_PEAK) >= THREADS, hold.getSecondaryResults().toString());
    }

    @Test
    void offMeasuresNothingAndBadOptionsAreRefused() throws Exception {
        RunResult r = run(measured("IoBoundBenchmark\\.sleepTasks$").param("model", "SEQUENTIAL").param("tasks", "1")
                .param("sleepMs", "1").addProfiler(UsageProfiler.class, "off"));
        assertTrue(r.getSecondaryResults().isEmpty());
        assertEquals("-prof cpu: unknown option 'bogus'; valid: off, periodMs, proc (e.g. periodMs=10;proc=/proc)",
                assertThrows(org.openjdk.jmh.profile.ProfilerException.class, () -> new UsageProfiler("bogus=1")).getMessage());
    }

    @Test
    void theShortNameBecomesTheClassAndTheLastNamingWins() {
        String cls = UsageProfiler.class.getName();
        assertEquals(List.of("-prof", cls, "X"), UsageProfiler.resolveShortName(List.of("-prof", "cpu", "X")));
        assertEquals(List.of("-prof", "gc", "-prof", cls + ":periodMs=5"),
                UsageProfiler.resolveShortName(List.of("-prof", "cpu", "-prof", "gc", "-prof", "cpu:periodMs=5")));
        assertEquals(List.of("-prof", cls + ":off"), UsageProfiler.resolveShortName(List.of("-prof", "cpu", "-prof", cls + ":off")));
        assertEquals(List.of("-prof", "gc", "-prof"), UsageProfiler.resolveShortName(List.of("-prof", "gc", "-prof")));
        assertEquals("-prof cpu: periodMs must be a whole number of milliseconds above 0, not 'x'",
                assertThrows(IllegalArgumentException.class,
                        () -> UsageProfiler.resolveShortName(List.of("-prof", "cpu:periodMs=x")), "checked before JMH starts").getMessage());
    }

    /** Through the jar's entry point: JMH still lists its own profilers, and ours; a bad option is one line and exit 2. */
    @Test
    void theEntryPointListsProfilersAndRefusesBadOptions(@TempDir Path dir) throws Exception {
        Output list = main(dir, "-lprof");
        assertEquals(0, list.status(), list.text());
        assertTrue(list.text().contains("gc: GC profiling"), list.text());
        assertTrue(list.text().contains(UsageProfiler.class.getName() + ": CPU time"), list.text());

        Output bad = main(dir, "-prof", "cpu:bogus=1", "IoBoundBenchmark");
        assertEquals(Main.BAD_INPUT, bad.status(), bad.text());
        assertEquals("concurrency-bench: -prof cpu: unknown option 'bogus'; valid: off, periodMs, proc (e.g. periodMs=10;proc=/proc)",
                bad.text().strip());
    }

    private record Output(int status, String text) {
    }

    private static Output main(Path dir, String... args) throws Exception {
        Process p = new ProcessBuilder(JavaCommand.of(List.of("-Djmh.ignoreLock=true"), Main.class, List.of(args)))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Output(p.exitValue(), text);
    }

    @Test
    void compareKnowsWhichWayEachMetricIsBetter() {
        for (UsageMetric m : UsageMetric.values()) {
            assertTrue(Metric.declaredDirection(m.label()).isPresent(), m.label() + " has no declared direction");
        }
        assertEquals(Boolean.FALSE, Metric.higherIsBetter("cpu.time", "ms/op"));
        assertEquals(Boolean.FALSE, Metric.higherIsBetter("rss.peak", "MB"));
        assertNull(Metric.higherIsBetter("cpu.cores", "cores"));
        assertNull(Metric.higherIsBetter("os.threads.peak", "threads"));
        assertNull(Metric.higherIsBetter("cpu.profiler", "ms/op"), "a diagnostic of the profiler, not a cost of the code");
        assertEquals(Boolean.FALSE, Metric.higherIsBetter("cpu.time", "ms/op (jvm only)"), "declared, whatever the unit");
        assertEquals(Boolean.FALSE, Metric.higherIsBetter("gc.alloc.rate.norm", "B/op"), "others still by unit");
        assertFalse(Metric.declaredDirection("gc.alloc.rate").isPresent());
    }
}
