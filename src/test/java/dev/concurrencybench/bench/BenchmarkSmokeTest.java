package dev.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark method runs once through JMH's own Runner with the smallest parameters, so a
 * broken benchmark (bad setup, a missing state, a throwing call) fails the build. One benchmark also
 * runs in a forked JVM, as real runs do.
 */
class BenchmarkSmokeTest {

    /** The smallest sizes of this suite's parameters: a smoke run, not a measurement. */
    static ChainedOptionsBuilder smallest() {
        return new OptionsBuilder()
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .param("fibs", "15/10")
                .param("tasks", "3")
                .param("sleepMs", "1")
                .param("workers", "2")
                .param("increments", "10");
    }

    @Test
    void everyBenchmarkMethodRunsOnceInProcess() throws RunnerException {
        Set<Thread> before = Leaks.liveThreads();
        Collection<RunResult> results = new Runner(smallest().include("dev\\.concurrencybench\\.bench\\..*").forks(0).build()).run();

        Set<String> expected = BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(new PrintStream(PrintStream.nullOutputStream()), VerboseMode.SILENT), new ArrayList<>())
                .stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toCollection(TreeSet::new));
        Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark()).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(expected.isEmpty());
        assertEquals(expected, ran, "every benchmark method must have run");
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            assertTrue(score > 0 && Double.isFinite(score), r.getParams().getBenchmark() + " " + r.getParams() + " scored " + score);
        }
        Leaks.assertNoNewThreads(before);
        Leaks.assertNoChildProcesses();
    }

    @Test
    void aBenchmarkRunsInAForkedJvm() throws RunnerException {
        Collection<RunResult> results = new Runner(smallest().include("AsyncBenchmark\\.gatherAll").forks(1).build()).run();
        assertEquals(1, results.size());
        assertEquals(1, results.iterator().next().getBenchmarkResults().size());
        Leaks.assertNoChildProcesses();
    }
}
