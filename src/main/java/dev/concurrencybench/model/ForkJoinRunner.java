package dev.concurrencybench.model;

import dev.concurrencybench.runner.Batches;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;

/**
 * One submit per task to an explicit ForkJoinPool of {@code parallelism} workers. With
 * {@code managed}, blocking tasks run inside {@link ForkJoinPool#managedBlock}, which lets the pool
 * start a spare worker for each blocked one; without it, a sleeping task simply occupies a worker.
 */
final class ForkJoinRunner implements TaskRunner {

    /** ForkJoinPool's own ceiling on workers; managed blocking may need one per blocked task. */
    private static final int MAX_WORKERS = 0x7fff;

    private final ForkJoinPool pool;
    private final boolean managed;

    ForkJoinRunner(int parallelism, boolean managed) {
        this.managed = managed;
        String prefix = managed ? "fj-managed-" : "fj-";
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName(prefix + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ForkJoinPool(parallelism, factory, null, false,
                0, managed ? MAX_WORKERS : parallelism, 1, null, 60, TimeUnit.SECONDS);
    }

    @Override
    public List<TaskResult> runAll(List<? extends Task> tasks) {
        List<ForkJoinTask<TaskResult>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(pool.submit(() -> managed && task.blocks() ? ManagedTask.run(task) : Batches.runHere(task)));
        }
        return Batches.collect(tasks, futures);
    }

    @Override
    public void close() {
        Batches.shutdown(pool);
    }

    /** Runs a blocking task as a ManagedBlocker, so the pool may compensate while it waits. */
    private static final class ManagedTask implements ForkJoinPool.ManagedBlocker {
        private final Task task;
        private TaskResult result;

        private ManagedTask(Task task) {
            this.task = task;
        }

        static TaskResult run(Task task) throws InterruptedException {
            ManagedTask blocker = new ManagedTask(task);
            ForkJoinPool.managedBlock(blocker);
            return blocker.result;
        }

        @Override
        public boolean block() {
            result = Batches.runHere(task);
            return true;
        }

        @Override
        public boolean isReleasable() {
            return result != null;
        }
    }
}
