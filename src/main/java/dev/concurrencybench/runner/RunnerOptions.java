package dev.concurrencybench.runner;

import dev.concurrencybench.util.Checks;
import java.time.Duration;
import java.util.List;

/**
 * How big a runner's pool is, and how its worker JVMs start. Every model that has a bounded pool
 * of threads sizes it from {@link #parallelism}; the default is the machine's logical core count,
 * because the common ForkJoinPool's default (cores - 1) is 1 on a 2-core machine. The process
 * models use the rest: {@link #workers} JVMs in a PROCESS_POOL (K, also the core count by
 * default), {@link #workerJvmFlags} for every worker JVM (none by default: the JVM's own
 * defaults), and {@link #workerTimeout}, after which a worker that has not answered a task is
 * killed and the task fails.
 */
public record RunnerOptions(int parallelism, int workers, List<String> workerJvmFlags, Duration workerTimeout) {

    /** Long enough for the biggest fib this suite runs on a busy machine, short enough that a hang ends. */
    public static final Duration DEFAULT_WORKER_TIMEOUT = Duration.ofMinutes(5);

    public RunnerOptions {
        Checks.positive("parallelism", parallelism);
        Checks.positive("workers", workers);
        workerJvmFlags = List.copyOf(workerJvmFlags);
        if (workerTimeout == null || workerTimeout.isNegative() || workerTimeout.isZero()) {
            throw new IllegalArgumentException("worker timeout must be > 0, got " + workerTimeout);
        }
    }

    /** {@code parallelism} threads; the process options at their defaults. */
    public RunnerOptions(int parallelism) {
        this(parallelism, cores(), List.of(), DEFAULT_WORKER_TIMEOUT);
    }

    public static RunnerOptions defaults() {
        return new RunnerOptions(cores());
    }

    public RunnerOptions withParallelism(int p) {
        return new RunnerOptions(p, workers, workerJvmFlags, workerTimeout);
    }

    public RunnerOptions withWorkers(int k) {
        return new RunnerOptions(parallelism, k, workerJvmFlags, workerTimeout);
    }

    public RunnerOptions withWorkerJvmFlags(List<String> flags) {
        return new RunnerOptions(parallelism, workers, flags, workerTimeout);
    }

    public RunnerOptions withWorkerTimeout(Duration timeout) {
        return new RunnerOptions(parallelism, workers, workerJvmFlags, timeout);
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
