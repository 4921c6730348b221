package dev.concurrencybench.task;

/**
 * What a task produced and where it ran: the value, the PID of the process, and a description of
 * the thread (its name, or {@code virtual#id} for an unnamed virtual thread).
 */
public record TaskResult(long value, long pid, String thread) {

    /** Runs {@code task} on the current thread and records where it ran. */
    public static TaskResult runHere(Task task) throws Exception {
        long value = task.run();
        return here(value);
    }

    /** A result for {@code value} computed on the current thread of this process. */
    public static TaskResult here(long value) {
        return new TaskResult(value, ProcessHandle.current().pid(), describe(Thread.currentThread()));
    }

    public static String describe(Thread t) {
        String name = t.getName();
        if (!name.isEmpty()) {
            return name;
        }
        return (t.isVirtual() ? "virtual#" : "thread#") + t.threadId();
    }
}
