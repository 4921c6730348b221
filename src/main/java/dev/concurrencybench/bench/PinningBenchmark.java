package dev.concurrencybench.bench;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.model.LockKind;
import dev.concurrencybench.task.Task;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Virtual threads that sleep while holding a lock, each task its own lock (no contention). With
 * {@code lock=MONITOR} ({@code synchronized}) JDK 21-23 pin the carrier, so N tasks take about
 * N / cores x D; JDK 24+ (JEP 491) and {@code lock=REENTRANT_LOCK} take about D. The JDK that ran is
 * in the results' {@code jdkVersion}.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar PinningBenchmark}
 */
public class PinningBenchmark extends BenchDefaults {

    @State(Scope.Benchmark)
    public static class VirtualThreads extends RunnerState {
        @Param
        public LockKind lock;

        @Param("100")
        public int tasks;

        @Param("10")
        public long sleepMs;

        @Override
        protected ExecutionModel model() {
            return ExecutionModel.VIRTUAL_THREADS;
        }

        @Override
        protected List<Task> tasks() {
            return lock.tasks(tasks, sleepMs);
        }
    }

    @Benchmark
    public long sleepWhileHoldingLock(VirtualThreads s) {
        return s.runAll();
    }
}
