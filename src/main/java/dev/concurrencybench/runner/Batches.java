package dev.concurrencybench.runner;

import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskFailedException;
import dev.concurrencybench.task.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What every runner shares, thread runners and process runners alike: running one task here,
 * collecting futures in task order, shutting an executor down with a bound.
 */
public final class Batches {

    /** How long close() waits for threads to finish after interrupting them. */
    private static final long CLOSE_TIMEOUT_SECONDS = 30;

    private Batches() {
    }

    /** Runs a task on this thread; any failure becomes a TaskFailedException naming it. */
    public static TaskResult runHere(Task task) {
        try {
            return TaskResult.runHere(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskFailedException.of(task, e);
        } catch (Exception | Error e) {
            throw TaskFailedException.of(task, e);
        }
    }

    /** Waits for every future in order; on the first failure cancels the rest and rethrows it. */
    public static List<TaskResult> collect(List<? extends Task> tasks, List<? extends Future<TaskResult>> futures) {
        return collect(tasks, futures, true);
    }

    /**
     * As above; {@code interrupt} says whether cancelling may interrupt a task that already runs
     * (a pool's feeder thread mid-request must not be interrupted: its worker would be lost).
     */
    public static List<TaskResult> collect(List<? extends Task> tasks, List<? extends Future<TaskResult>> futures,
            boolean interrupt) {
        List<TaskResult> results = new ArrayList<>(futures.size());
        try {
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(tasks.get(i), futures.get(i)));
            }
            return results;
        } finally {
            if (results.size() < futures.size()) {
                futures.forEach(f -> f.cancel(interrupt));
            }
        }
    }

    private static TaskResult await(Task task, Future<TaskResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskFailedException.of(task, e);
        } catch (ExecutionException | CompletionException e) {
            throw TaskFailedException.of(task, e.getCause());
        } catch (CancellationException e) {
            throw TaskFailedException.of(task, e);
        }
    }

    /** Interrupts the executor's threads and waits, bounded, until they have all ended. */
    public static void shutdown(ExecutorService executor) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("threads still running " + CLOSE_TIMEOUT_SECONDS + " s after close: " + executor);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
