package dev.concurrencybench.bench;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.model.ForkJoinFib;
import dev.concurrencybench.task.Fib;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.Tasks;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * CPU-bound work: the seed's fib list, one task per number, on every execution model. Java has no
 * GIL, so threads should approach the physical limit of {@code min(cores, total / largest task)}
 * times SEQUENTIAL (2.0x on two cores for the default list). {@code fibListRecursiveForkJoin}
 * computes the same numbers by divide and conquer on a ForkJoinPool, the idiomatic way to split
 * one big fib.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar CpuBoundBenchmark -p model=SEQUENTIAL,VIRTUAL_THREADS}
 */
public class CpuBoundBenchmark extends BenchDefaults {

    @State(Scope.Benchmark)
    public static class Models extends RunnerState {
        @Param
        public ExecutionModel model;

        @Param(Tasks.DEFAULT_FIBS)
        public String fibs;

        @Override
        protected ExecutionModel model() {
            return model;
        }

        @Override
        protected List<Task> tasks() {
            return Tasks.fibs(fibs);
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
        public void open() {
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
