package dev.concurrencybench.bench;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.task.Tasks;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * How far each unbounded model scales: N sleeping tasks for N up to 10,000, and 100,000 for
 * virtual threads alone. The ideal is D whatever N is; what is left above it is the cost of
 * starting and scheduling N waiters. Bounded pools are left out: they would take N / P x D,
 * minutes at these sizes, with nothing new to learn.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar IoScalingBenchmark -p tasks=10000}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Eight warm-up calls, twice the suite's usual: with 10,000 tasks the virtual-thread and timer
// code is still being compiled after four, and on two cores the JIT's threads take CPU from the
// carriers.
@Warmup(iterations = 8)
@Measurement(iterations = 4)
@Fork(value = 5, jvmArgsAppend = {Heap.XMS, Heap.XMX})
public class IoScalingBenchmark {

    @State(Scope.Benchmark)
    public static class Unbounded extends RunnerState {
        @Param({"PLATFORM_THREADS", "CACHED_POOL", "FORK_JOIN_MANAGED", "VIRTUAL_THREADS", "NON_BLOCKING_ASYNC"})
        public ExecutionModel model;

        @Param({"100", "1000", "10000"})
        public int tasks;

        @Param("100")
        public long sleepMs;

        @Setup(Level.Trial)
        public void setup() {
            open(model, Tasks.sleeps(tasks, sleepMs));
        }
    }

    @State(Scope.Benchmark)
    public static class HundredThousandVirtual extends RunnerState {
        @Param("100000")
        public int tasks;

        @Param("100")
        public long sleepMs;

        @Setup(Level.Trial)
        public void setup() {
            open(ExecutionModel.VIRTUAL_THREADS, Tasks.sleeps(tasks, sleepMs));
        }
    }

    @Benchmark
    public long sleepTasks(Unbounded s) {
        return s.runAll();
    }

    @Benchmark
    public long virtualThreads100k(HundredThousandVirtual s) {
        return s.runAll();
    }
}
