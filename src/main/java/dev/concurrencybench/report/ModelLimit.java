package dev.concurrencybench.report;

import java.util.Map;
import java.util.Optional;

/**
 * How many tasks each execution model can have in flight at once, which is what its ideal time
 * depends on. Keyed by the model's name as it appears in results files, so a file from an older or
 * newer build (with models this build lacks) still charts: an unknown model simply gets no ideal.
 * A test checks that every {@link dev.concurrencybench.model.ExecutionModel} constant is listed.
 */
public enum ModelLimit {
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

    private static final Map<String, ModelLimit> BY_MODEL = Map.ofEntries(
            Map.entry("SEQUENTIAL", ONE_AT_A_TIME),
            Map.entry("PLATFORM_THREADS", UNBOUNDED),
            Map.entry("FIXED_POOL", POOL_OF_CORES),
            Map.entry("CACHED_POOL", UNBOUNDED),
            Map.entry("FORK_JOIN", POOL_OF_CORES),
            // managedBlock adds a spare worker per blocked task, up to 32767.
            Map.entry("FORK_JOIN_MANAGED", UNBOUNDED),
            Map.entry("VIRTUAL_THREADS", UNBOUNDED),
            Map.entry("COMPLETABLE_FUTURE", POOL_OF_CORES),
            // Sleeps become timers; no thread waits.
            Map.entry("NON_BLOCKING_ASYNC", UNBOUNDED),
            Map.entry("PROCESS_POOL", PROCESS_POOL_OF_CORES),
            Map.entry("PROCESS_PER_TASK", PROCESS_PER_TASK));

    public static Optional<ModelLimit> of(String model) {
        return Optional.ofNullable(model == null ? null : BY_MODEL.get(model.strip()));
    }

    /** How many of {@code tasks} run at once on {@code cores} logical cores. */
    public int inFlight(int tasks, int cores) {
        return switch (this) {
            case ONE_AT_A_TIME -> 1;
            case UNBOUNDED, PROCESS_PER_TASK -> tasks;
            case POOL_OF_CORES, PROCESS_POOL_OF_CORES -> Math.min(tasks, cores);
        };
    }
}
