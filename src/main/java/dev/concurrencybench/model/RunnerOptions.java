package dev.concurrencybench.model;

import dev.concurrencybench.task.Tasks;

/**
 * How big a runner's pool is. Every model that has a bounded pool sizes it from
 * {@link #parallelism}; the default is the machine's logical core count, because the common
 * ForkJoinPool's default (cores - 1) is 1 on a 2-core machine.
 */
public record RunnerOptions(int parallelism) {

    public RunnerOptions {
        Tasks.requirePositive("parallelism", parallelism);
    }

    public static RunnerOptions defaults() {
        return new RunnerOptions(Runtime.getRuntime().availableProcessors());
    }

    public RunnerOptions withParallelism(int p) {
        return new RunnerOptions(p);
    }
}
