package dev.concurrencybench.bench;

import dev.concurrencybench.model.ExecutionModel;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.Tasks;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A runner for one model and the batch of tasks it runs, opened once per trial (pools and threads
 * are never created inside a measured call) and closed after it. A subclass is a {@code @State}
 * that declares its {@code @Param} fields and one {@code @Setup(Level.Trial)} method calling
 * {@link #open}: JMH runs inherited {@code @TearDown} methods, but {@code @Param} values cannot be
 * set per subclass, so the fields stay in each one.
 */
public abstract class RunnerState {

    private TaskRunner runner;
    private List<Task> tasks;

    /** Makes the runner of {@code model} and keeps {@code tasks} for {@link #runAll}. */
    protected final void open(ExecutionModel model, List<Task> tasks) {
        this.tasks = tasks;
        this.runner = model.create();
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
