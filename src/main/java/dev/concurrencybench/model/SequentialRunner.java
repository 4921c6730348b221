package dev.concurrencybench.model;

import dev.concurrencybench.runner.Batches;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskFailedException;
import dev.concurrencybench.task.TaskResult;
import java.util.ArrayList;
import java.util.List;

/** Runs tasks one after another on the caller's thread: the baseline every model is measured against. */
final class SequentialRunner implements TaskRunner {

    @Override
    public List<TaskResult> runAll(List<? extends Task> tasks) {
        List<TaskResult> results = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            results.add(Batches.runHere(task));
        }
        return results;
    }

    @Override
    public void close() {
        // owns no threads
    }
}
