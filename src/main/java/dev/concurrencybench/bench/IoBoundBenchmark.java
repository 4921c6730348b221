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
 * IO-bound work: the Python notebook's N tasks that each sleep D ms, on every execution model.
 * The ideal is D for a model that runs all N at once, ceil(N / P) x D for a pool of P threads,
 * and N x D for SEQUENTIAL. NON_BLOCKING_ASYNC turns each sleep into a timer, like
 * {@code await asyncio.sleep}.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar IoBoundBenchmark -p tasks=10 -p sleepMs=100}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 4)
@Fork(value = 5, jvmArgsAppend = {Heap.XMS, Heap.XMX})
public class IoBoundBenchmark {

    @State(Scope.Benchmark)
    public static class Models extends RunnerState {
        @Param
        public ExecutionModel model;

        @Param("10")
        public int tasks;

        @Param("100")
        public long sleepMs;

        @Setup(Level.Trial)
        public void setup() {
            open(model, Tasks.sleeps(tasks, sleepMs));
        }
    }

    @Benchmark
    public long sleepTasks(Models s) {
        return s.runAll();
    }
}
