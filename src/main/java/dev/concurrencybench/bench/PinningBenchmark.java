package dev.concurrencybench.bench;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.model.LockKind;
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
 * Virtual threads that sleep while holding a lock, each task its own lock (no contention). With
 * {@code lock=MONITOR} ({@code synchronized}) JDK 21-23 pin the carrier, so N tasks take about
 * N / cores x D; JDK 24+ (JEP 491) and {@code lock=REENTRANT_LOCK} take about D. The JDK that ran
 * is in the results' {@code jdkVersion}.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar PinningBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 4)
@Fork(value = 5, jvmArgsAppend = {Heap.XMS, Heap.XMX})
public class PinningBenchmark {

    @State(Scope.Benchmark)
    public static class VirtualThreads extends RunnerState {
        @Param
        public LockKind lock;

        @Param("100")
        public int tasks;

        @Param("10")
        public long sleepMs;

        @Setup(Level.Trial)
        public void setup() {
            open(ExecutionModel.VIRTUAL_THREADS, lock.tasks(tasks, sleepMs));
        }
    }

    @Benchmark
    public long sleepWhileHoldingLock(VirtualThreads s) {
        return s.runAll();
    }
}
