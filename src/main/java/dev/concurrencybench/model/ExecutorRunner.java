package dev.concurrencybench.model;

import dev.concurrencybench.runner.Batches;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Submits every task to an ExecutorService (a pool, or a thread per task) and waits for all. */
final class ExecutorRunner implements TaskRunner {

    private final ExecutorService executor;

    ExecutorRunner(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public List<TaskResult> runAll(List<? extends Task> tasks) {
        List<Future<TaskResult>> futures = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            futures.add(executor.submit(() -> Batches.runHere(task)));
        }
        return Batches.collect(tasks, futures);
    }

    @Override
    public void close() {
        Batches.shutdown(executor);
    }
}
