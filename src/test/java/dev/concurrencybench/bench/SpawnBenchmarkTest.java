package dev.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs every SpawnBenchmark method with both flag sets once through JMH, and checks nothing is left running. */
class SpawnBenchmarkTest {

    @Test
    void everyMethodRunsWithBothFlagSetsAndLeavesNoProcesses() throws RunnerException {
        // JMH refuses to run while any other JMH run on the machine holds /tmp/jmh.lock; a smoke
        // test times nothing, so it need not wait for a quiet machine. The property is global:
        // it is put back as it was afterwards.
        String ignoreLock = System.setProperty("jmh.ignoreLock", "true");
        try {
            runEveryMethodWithBothFlagSets();
        } finally {
            if (ignoreLock == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", ignoreLock);
            }
        }
        Leaks.assertNoChildProcesses();
    }

    private static void runEveryMethodWithBothFlagSets() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(SpawnBenchmark.class.getName() + "\\.")
                .forks(0) // in this JVM: the test then sees the children the benchmark starts
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            ran.add(r.getParams().getBenchmark().replaceAll(".*\\.", "") + "/" + r.getParams().getParam("jvmFlags"));
            assertTrue(r.getPrimaryResult().getSampleCount() > 0, () -> "no samples: " + r.getParams());
        }
        assertEquals(Set.of("bareJvm/DEFAULT", "bareJvm/LEAN", "pooledRoundTrip/DEFAULT", "pooledRoundTrip/LEAN",
                "workerSpawn/DEFAULT", "workerSpawn/LEAN"), ran);
    }
}
