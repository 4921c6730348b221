package dev.concurrencybench.task;

/** A task failed; the message names the task so that a failure in a batch can be traced. */
public class TaskFailedException extends RuntimeException {

    private final transient Task task;

    public TaskFailedException(Task task, String detail, Throwable cause) {
        super("task '" + describe(task) + "' failed: " + detail, cause);
        this.task = task;
    }

    public Task task() {
        return task;
    }

    public static String describe(Task task) {
        return task instanceof WireTask w ? w.wire() : task.toString();
    }

    /** Wraps {@code cause}, unless it already is a TaskFailedException. */
    public static TaskFailedException of(Task task, Throwable cause) {
        if (cause instanceof TaskFailedException t) {
            return t;
        }
        return new TaskFailedException(task, String.valueOf(cause), cause);
    }
}
