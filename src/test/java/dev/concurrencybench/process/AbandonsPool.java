package dev.concurrencybench.process;

import dev.concurrencybench.runner.RunnerOptions;

/**
 * A JVM that starts a pool of two workers, prints their PIDs and exits without closing it: only
 * the shutdown hook can stop the workers then. ProcessModelsTest runs it as a child.
 */
public final class AbandonsPool {

    private AbandonsPool() {
    }

    public static void main(String[] args) {
        WorkerPool pool = new WorkerPool(WorkerSpec.of(RunnerOptions.defaults()), 2);
        for (long pid : pool.pids()) {
            System.out.println(pid);
        }
        System.out.flush();
        System.exit(0);
    }
}
