package dev.concurrencybench.bench;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.Tasks;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How far each unbounded model scales: N sleeping tasks for N up to 10,000, and 100,000 for
 * virtual threads alone. The ideal is D whatever N is; what is left above it is the cost of
 * starting and scheduling N waiters. Bounded pools are left out, because they would take
 * N / P x D: minutes at these sizes, and nothing new to learn.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar IoScalingBenchmark -p tasks=10000}
 */
// Eight warm-up calls, not the suite's four: with 10,000 tasks the virtual-thread and timer code
// is still being compiled during calls 5-6 (126-151 ms against 109-118 ms once compiled, in a
// full run of 5 forks), and on two cores the JIT's threads take CPU from the carriers.
@Warmup(iterations = 8)
public class IoScalingBenchmark extends BenchDefaults {

    @State(Scope.Benchmark)
    public static class Unbounded extends RunnerState {
        @Param({"PLATFORM_THREADS", "CACHED_POOL", "FORK_JOIN_MANAGED", "VIRTUAL_THREADS", "NON_BLOCKING_ASYNC"})
        public ExecutionModel model;

        @Param({"100", "1000", "10000"})
        public int tasks;

        @Param("100")
        public long sleepMs;

        @Override
        protected ExecutionModel model() {
            return model;
        }

        @Override
        protected List<Task> tasks() {
            return Tasks.sleeps(tasks, sleepMs);
        }
    }

    @State(Scope.Benchmark)
    public static class HundredThousandVirtual extends RunnerState {
        @Param("100000")
        public int tasks;

        @Param("100")
        public long sleepMs;

        @Override
        protected ExecutionModel model() {
            return ExecutionModel.VIRTUAL_THREADS;
        }

        @Override
        protected List<Task> tasks() {
            return Tasks.sleeps(tasks, sleepMs);
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
