package dev.concurrencybench.model;

import dev.concurrencybench.runner.Batches;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Sleep;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Java shape of {@code await asyncio.sleep(d)}: a Sleep task becomes a timer on one scheduler
 * thread that completes a future when it fires, so no thread waits while it "sleeps". Other tasks
 * run with supplyAsync on an explicit fixed pool. The scheduler is our own, not
 * CompletableFuture.delayedExecutor, whose shared daemon thread would outlive the runner.
 */
final class NonBlockingAsyncRunner implements TaskRunner {

    private final ExecutorService executor;
    private final ScheduledExecutorService timer;

    NonBlockingAsyncRunner(int parallelism) {
        this.executor = Executors.newFixedThreadPool(parallelism, Threads.platform("async"));
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.platform("timer"));
    }

    @Override
    public List<TaskResult> runAll(List<? extends Task> tasks) {
        List<CompletableFuture<TaskResult>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(task instanceof Sleep sleep ? schedule(sleep) : CompletableFuture.supplyAsync(() -> Batches.runHere(task), executor));
        }
        return Batches.collect(tasks, futures);
    }

    private CompletableFuture<TaskResult> schedule(Sleep sleep) {
        CompletableFuture<TaskResult> done = new CompletableFuture<>();
        long millis = sleep.duration().toMillis();
        timer.schedule(() -> done.complete(TaskResult.here(millis)), sleep.duration().toNanos(), TimeUnit.NANOSECONDS);
        return done;
    }

    @Override
    public void close() {
        Batches.shutdown(timer);
        Batches.shutdown(executor);
    }
}
