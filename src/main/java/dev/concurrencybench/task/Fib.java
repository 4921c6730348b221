package dev.concurrencybench.task;

/**
 * The CPU-bound workload: naive doubly recursive Fibonacci, exponential on purpose so that
 * {@code n} dials the work. Its value is fib(n), which fits a long up to n = 92.
 */
public record Fib(int n) implements WireTask {

    public static final int MAX_N = 92;

    public Fib {
        if (n < 0 || n > MAX_N) {
            throw new IllegalArgumentException("fib n must be in 0.." + MAX_N + " (a long holds fib(92)), got " + n);
        }
    }

    @Override
    public long run() {
        return fib(n);
    }

    @Override
    public boolean blocks() {
        return false;
    }

    @Override
    public String wire() {
        return "fib " + n;
    }

    /** Exponential-time recursion: the work itself, not an efficient Fibonacci. */
    public static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
