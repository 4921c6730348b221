package dev.concurrencybench.bench;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.Tasks;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * IO-bound work: the seed's N tasks that each sleep D ms, on every execution model. The ideal is D
 * for a model that runs all N at once and ceil(N / P) x D for a pool of P threads; SEQUENTIAL takes
 * N x D. NON_BLOCKING_ASYNC turns each sleep into a timer, like {@code await asyncio.sleep}.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar IoBoundBenchmark -p tasks=10 -p sleepMs=100}
 */
public class IoBoundBenchmark extends BenchDefaults {

    @State(Scope.Benchmark)
    public static class Models extends RunnerState {
        @Param
        public ExecutionModel model;

        @Param("10")
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

    @Benchmark
    public long sleepTasks(Models s) {
        return s.runAll();
    }
}
