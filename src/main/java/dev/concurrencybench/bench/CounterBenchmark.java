package dev.concurrencybench.bench;

import dev.concurrencybench.counter.CounterMode;
import dev.concurrencybench.counter.CounterOutcome;
import dev.concurrencybench.counter.CounterScenario;
import dev.concurrencybench.counter.CounterVariant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shared counters: how fast {@code workers} workers, each making {@code increments} increments of
 * one counter, get through a run, for every {@link CounterVariant} across threads and across
 * worker processes, and how many of those increments the count kept. NAIVE and FILE lose updates
 * (and NAIVE and ATOMIC are not shared at all across processes); they are measured too, and their
 * {@code kept} rate shows the loss next to the speed.
 *
 * <p>One operation is one run: reset the count, let every worker make its increments, read the
 * count. Worker threads and worker JVMs are started once per trial ({@code @Setup(Level.Trial)}),
 * so a PROCESSES run measures increments across running JVMs, not JVM start-up (SpawnBenchmark
 * measures that). Each worker JVM attaches to the count (opens the file, maps it, or connects to
 * the parent's queue socket) at the start of a run, which is part of the run.
 *
 * <p>Unlike the suite's single-shot default, this class measures throughput over fixed-time
 * iterations: one run ranges from well under a millisecond (ATOMIC across threads) to about a
 * second (FILE_LOCKED across processes), so no single increments count fits single-shot timing for
 * all variants, while a fixed iteration time gives each variant as many runs as fit and bounds the
 * class's total time. {@link Increments} reports the rates that matter as secondary results,
 * already per second: {@code incrementShared:made} (increments made per second) and
 * {@code incrementShared:kept} (increments that show in the final count, per second; equal to
 * {@code made} for an exact variant). The primary score is runs per second (× workers × increments
 * = made).
 *
 * <p>Run: {@code java -jar target/benchmarks.jar CounterBenchmark -p mode=THREADS -p variant=ATOMIC,MMAP_CAS}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Fixed-time iterations (see above), short, and three forks rather than the suite's ten, so that
// 6 variants x 2 modes stay near 3 minutes.
@Fork(value = 3, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class CounterBenchmark extends BenchDefaults {

    @State(Scope.Benchmark)
    public static class Counters {
        @Param
        public CounterVariant variant;

        @Param
        public CounterMode mode;

        @Param("8")
        public int workers;

        /** Per worker, per run. */
        @Param("1000")
        public int increments;

        private CounterScenario scenario;

        @Setup(Level.Trial)
        public void open() throws Exception {
            scenario = mode.open(variant, workers);
        }

        @TearDown(Level.Trial)
        public void close() {
            scenario.close();
        }

        long run(Increments counted) throws Exception {
            CounterOutcome o = scenario.run(increments);
            counted.made += o.attempted();
            counted.kept += o.finalCount();
            return o.finalCount();
        }
    }

    /** Secondary results, normalised by JMH to per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Increments {
        /** Increments the workers made. */
        public long made;
        /** Increments the final count shows (made minus lost). */
        public long kept;

        @Setup(Level.Iteration)
        public void clear() {
            made = 0;
            kept = 0;
        }
    }

    @Benchmark
    public long incrementShared(Counters s, Increments counted) throws Exception {
        return s.run(counted);
    }
}
