package dev.concurrencybench.model;

import dev.concurrencybench.runner.Batches;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code supplyAsync} per task, then {@code allOf}, on an explicit fixed pool: never the common
 * pool, whose parallelism is cores - 1 (just 1 on two cores).
 */
final class CompletableFutureRunner implements TaskRunner {

    private final ExecutorService executor;

    CompletableFutureRunner(int parallelism) {
        this.executor = Executors.newFixedThreadPool(parallelism, Threads.platform("cf"));
    }

    @Override
    public List<TaskResult> runAll(List<? extends Task> tasks) {
        List<CompletableFuture<TaskResult>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(CompletableFuture.supplyAsync(() -> Batches.runHere(task), executor));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return Batches.collect(tasks, futures);
    }

    @Override
    public void close() {
        Batches.shutdown(executor);
    }
}
