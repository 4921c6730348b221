package dev.concurrencybench.counter;

/**
 * What a worker does in the gap of one increment, after it has read the count and before it
 * writes the new one. Benchmarks pass {@link #NONE}; tests use the gap to force an interleaving
 * (a barrier: every worker reads before any writes) or to hold a lock while the parent kills the
 * worker. Each variant says where its gap is: a lossy variant between its read and its write, a
 * locked one while it holds the lock, the queue while it holds the token.
 */
@FunctionalInterface
public interface Gap {

    /** Nothing: the increment runs straight through. */
    Gap NONE = read -> {
    };

    /** Called once per increment with the value that increment read. */
    void between(long read) throws Exception;
}
