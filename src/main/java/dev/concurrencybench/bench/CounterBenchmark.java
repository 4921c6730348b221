package dev.concurrencybench.bench;

import dev.concurrencybench.counter.Across;
import dev.concurrencybench.counter.CounterOutcome;
import dev.concurrencybench.counter.CounterScenario;
import dev.concurrencybench.counter.CounterVariant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Shared counters: {@code workers} workers each make {@code increments} increments of one counter,
 * for every {@link CounterVariant}, {@code across} threads or across worker JVMs. An operation is
 * one run: reset the count, let every worker increment it, read it. Threads and worker JVMs start
 * once per trial, so a PROCESSES run measures increments, not JVM start-up (SpawnBenchmark does).
 * Besides runs per second, {@code made} and {@code kept} report increments per second made and
 * still in the final count: a lossy variant (NAIVE, FILE) shows its loss next to its speed.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar CounterBenchmark -p across=THREADS -p variant=ATOMIC,MMAP_CAS}
 */
// Throughput over fixed-time iterations, unlike the rest of the suite: a run's length differs by
// orders of magnitude between variants, so no one increments count suits single-shot timing for
// all, while a fixed iteration time gives each variant as many runs as fit and bounds the class's
// total time. Short iterations and three forks, as 6 variants x 2 kinds of worker add up.
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {Heap.XMS, Heap.XMX})
public class CounterBenchmark {

    @State(Scope.Benchmark)
    public static class Counters {
        @Param
        public CounterVariant variant;

        /** THREADS or PROCESSES: not {@code mode}, which is JMH's own word for the benchmark mode. */
        @Param
        public Across across;

        @Param("8")
        public int workers;

        /** Per worker, per run. */
        @Param("1000")
        public int increments;

        private CounterScenario scenario;

        @Setup(Level.Trial)
        public void setup() throws Exception {
            scenario = across.open(variant, workers);
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
