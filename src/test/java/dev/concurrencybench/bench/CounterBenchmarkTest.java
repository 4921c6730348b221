package dev.concurrencybench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concurrencybench.Leaks;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** CounterBenchmark runs through JMH across threads and processes and reports made and kept increments; its params are checked. */
class CounterBenchmarkTest {

    @Test
    void runsOnceThroughJmhAndReportsMadeAndKeptIncrements() throws Exception {
        Options opts = new OptionsBuilder()
                .include(CounterBenchmark.class.getName() + ".incrementShared")
                .forks(0) // in this JVM: the smoke test checks wiring, not speed
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .param("variant", "FILE_LOCKED", "NAIVE")
                .param("across", "THREADS", "PROCESSES")
                .param("workers", "2")
                .param("increments", "10")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        assertEquals(4, results.size());
        for (RunResult r : results) {
            String variant = r.getParams().getParam("variant");
            String across = r.getParams().getParam("across");
            Result<?> made = r.getSecondaryResults().get("made");
            Result<?> kept = r.getSecondaryResults().get("kept");
            assertTrue(made.getScore() > 0, variant + "/" + across + " made " + made.getScore());
            if (variant.equals("FILE_LOCKED")) {
                assertEquals(made.getScore(), kept.getScore(), 1e-9 * made.getScore(), "exact: kept all it made");
            } else if (across.equals("PROCESSES")) {
                assertEquals(0, kept.getScore(), "NAIVE across processes: the parent's count stays 0");
            }
        }
        Leaks.assertNoChildProcesses();
    }

    @Test
    void badCounterParamsAreRejectedBeforeJmhStarts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Params.check(new String[] {"CounterBenchmark", "-p", "variant=ATOMIC,NOPE"}));
        assertTrue(e.getMessage().contains("NOPE") && e.getMessage().contains("MMAP_CAS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Params.check(new String[] {"-p", "across=THREAD"}));
        IllegalArgumentException renamed = assertThrows(IllegalArgumentException.class,
                () -> Params.check(new String[] {"-p", "mode=THREADS"}));
        assertTrue(renamed.getMessage().contains("-p across=THREADS"), renamed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Params.check(new String[] {"-p", "workers=0"}));
        assertThrows(IllegalArgumentException.class, () -> Params.check(new String[] {"-p", "increments=x"}));
    }
}
