package dev.concurrencybench.report;

import dev.concurrencybench.model.ExecutionModel;

/**
 * How many tasks each execution model can have in flight at once, which is what its ideal time
 * depends on. {@link #of} switches over every {@link ExecutionModel} without a default, so a new
 * model does not compile until it says how many tasks it runs at once. A model name from another
 * build reaches this class only through {@link BuildNames}.
 */
enum ModelLimit {
    /** One task at a time on the caller's thread. */
    ONE_AT_A_TIME,
    /** A thread (or timer) per task: all N in flight. */
    UNBOUNDED,
    /** A pool of P threads, P = the machine's logical cores. */
    POOL_OF_CORES,
    /** A pool of worker JVMs, one per logical core; started before the measurement. */
    PROCESS_POOL_OF_CORES,
    /** A new JVM per task: all N in flight, each after a JVM start the ideal leaves out. */
    PROCESS_PER_TASK;

    static ModelLimit of(ExecutionModel model) {
        return switch (model) {
            case SEQUENTIAL -> ONE_AT_A_TIME;
            case PLATFORM_THREADS, CACHED_POOL, VIRTUAL_THREADS -> UNBOUNDED;
            case FIXED_POOL, FORK_JOIN, COMPLETABLE_FUTURE -> POOL_OF_CORES;
            // managedBlock adds a spare worker per blocked task, up to 32767.
            case FORK_JOIN_MANAGED -> UNBOUNDED;
            // Sleeps become timers; no thread waits.
            case NON_BLOCKING_ASYNC -> UNBOUNDED;
            case PROCESS_POOL -> PROCESS_POOL_OF_CORES;
            case PROCESS_PER_TASK -> PROCESS_PER_TASK;
        };
    }

    /** How many of {@code tasks} run at once on {@code cores} logical cores. */
    int inFlight(int tasks, int cores) {
        return switch (this) {
            case ONE_AT_A_TIME -> 1;
            case UNBOUNDED, PROCESS_PER_TASK -> tasks;
            case POOL_OF_CORES, PROCESS_POOL_OF_CORES -> Math.min(tasks, cores);
        };
    }
}
