package dev.concurrencybench.runner;

import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskResult;
import java.util.List;

/**
 * Runs a batch of tasks on one execution model and waits for all of them. A runner owns its
 * threads or processes: it is created once (in a benchmark's setup) and closed once; closing
 * releases every thread and process it started.
 */
public interface TaskRunner extends AutoCloseable {

    /**
     * Runs every task and returns their results in task order.
     *
     * @throws dev.concurrencybench.task.TaskFailedException naming the first task that failed
     */
    List<TaskResult> runAll(List<? extends Task> tasks);

    @Override
    void close();
}
