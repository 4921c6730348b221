package dev.concurrencybench.bench;

import dev.concurrencybench.async.AsyncLessons;
import java.util.concurrent.TimeUnit;
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
 * The Python notebook's asyncio lessons, with N jobs of D ms each on a single-thread event loop:
 * awaiting one at a time (N x D) against gathering (D); a blocking sleep on the loop (N x D
 * again); and the two ways to handle a failing job: fail fast, or collect every outcome and sum
 * the successes.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar AsyncBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 4)
@Fork(value = 5, jvmArgsAppend = {Heap.XMS, Heap.XMX})
public class AsyncBenchmark {

    @State(Scope.Benchmark)
    public static class Lessons {
        @Param("5")
        public int tasks;

        @Param("100")
        public long sleepMs;

        /** Which job fails in the error-handling lessons (0-based). */
        @Param("2")
        public int failingJob;

        AsyncLessons lessons;

        @Setup(Level.Trial)
        public void setup() {
            lessons = new AsyncLessons(sleepMs);
        }

        @TearDown(Level.Trial)
        public void close() {
            lessons.close();
        }
    }

    @Benchmark
    public long awaitOneAtATime(Lessons s) {
        return s.lessons.awaitOneAtATime(s.tasks);
    }

    @Benchmark
    public long gatherAll(Lessons s) {
        return s.lessons.gatherAll(s.tasks);
    }

    @Benchmark
    public long blockingSleepInEventLoop(Lessons s) {
        return s.lessons.blockingSleepInEventLoop(s.tasks);
    }

    @Benchmark
    public Object errorsFailFast(Lessons s) {
        try {
            return s.lessons.failFast(s.tasks, s.failingJob);
        } catch (AsyncLessons.JobFailedException e) {
            return e;
        }
    }

    @Benchmark
    public AsyncLessons.Gathered errorsCollectAll(Lessons s) {
        return s.lessons.collectAll(s.tasks, s.failingJob);
    }
}
