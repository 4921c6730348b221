package dev.concurrencybench.bench;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.model.ForkJoinFib;
import dev.concurrencybench.task.Fib;
import dev.concurrencybench.task.Tasks;
import java.util.concurrent.ForkJoinPool;
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
 * CPU-bound work: the Python notebook's fib list, one task per number, on every execution model.
 * Java has no GIL, so threads can approach the physical limit, {@code min(cores, total work /
 * largest task)} times SEQUENTIAL. {@code fibListRecursiveForkJoin} computes the same numbers by
 * divide and conquer on a ForkJoinPool, the idiomatic way to split one big fib.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar CpuBoundBenchmark -p model=SEQUENTIAL,VIRTUAL_THREADS}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 4)
@Fork(value = 5, jvmArgsAppend = {Heap.XMS, Heap.XMX})
public class CpuBoundBenchmark {

    @State(Scope.Benchmark)
    public static class Models extends RunnerState {
        @Param
        public ExecutionModel model;

        @Param(Tasks.DEFAULT_FIBS)
        public String fibs;

        @Setup(Level.Trial)
        public void setup() {
            open(model, Tasks.fibs(fibs));
        }
    }

    @State(Scope.Benchmark)
    public static class Recursive {
        @Param(Tasks.DEFAULT_FIBS)
        public String fibs;

        /** Below this n a subproblem is computed sequentially. */
        @Param("20")
        public int threshold;

        private int[] ns;
        private ForkJoinPool pool;

        @Setup(Level.Trial)
        public void setup() {
            ns = Tasks.fibs(fibs).stream().mapToInt(t -> ((Fib) t).n()).toArray();
            pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        }

        @TearDown(Level.Trial)
        public void close() {
            pool.close();
        }
    }

    @Benchmark
    public long fibList(Models s) {
        return s.runAll();
    }

    @Benchmark
    public long fibListRecursiveForkJoin(Recursive s) {
        long sum = 0;
        for (int n : s.ns) {
            sum += ForkJoinFib.compute(s.pool, n, s.threshold);
        }
        return sum;
    }
}
