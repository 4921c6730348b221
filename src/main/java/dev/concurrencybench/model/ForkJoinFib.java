package dev.concurrencybench.model;

import dev.concurrencybench.task.Fib;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * The idiomatic way to parallelise one big Fibonacci: divide and conquer with fork/join, falling
 * back to the sequential recursion below {@code threshold} so that task overhead stays small.
 */
public final class ForkJoinFib extends RecursiveTask<Long> {

    private final int n;
    private final int threshold;

    private ForkJoinFib(int n, int threshold) {
        this.n = n;
        this.threshold = threshold;
    }

    /** fib(n) computed on {@code pool}; n is validated like a Fib task. */
    public static long compute(ForkJoinPool pool, int n, int threshold) {
        new Fib(n); // validates the range
        return pool.invoke(new ForkJoinFib(n, requireThreshold(threshold)));
    }

    /** {@code threshold}, unless it is below 2, where a subproblem could never be split off. */
    public static int requireThreshold(int threshold) {
        if (threshold < 2) {
            throw new IllegalArgumentException("threshold must be >= 2, got " + threshold);
        }
        return threshold;
    }

    @Override
    protected Long compute() {
        if (n <= threshold) {
            return Fib.fib(n);
        }
        ForkJoinFib left = new ForkJoinFib(n - 1, threshold);
        left.fork();
        long right = new ForkJoinFib(n - 2, threshold).compute();
        return left.join() + right;
    }
}
