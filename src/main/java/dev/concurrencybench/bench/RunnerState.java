package dev.concurrencybench.bench;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.Tasks;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A runner for one model and the tasks it will run, built once per trial (pools and threads are
 * never created inside a measured call) and closed after it. Subclasses declare the
 * {@code @Param} fields and say which model and tasks they mean.
 */
public abstract class RunnerState {

    private TaskRunner runner;
    private List<Task> tasks;

    protected abstract ExecutionModel model();

    protected abstract List<Task> tasks();

    @Setup(Level.Trial)
    public void openRunner() {
        tasks = tasks();
        runner = model().create();
    }

    @TearDown(Level.Trial)
    public void closeRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    /** Runs the batch and returns the sum of its values, so the work is never dead code. */
    public long runAll() {
        return Tasks.sum(runner.runAll(tasks));
    }
}
