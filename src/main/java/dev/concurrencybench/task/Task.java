package dev.concurrencybench.task;

/**
 * A unit of work, described as data so that any execution model can run it: a thread in this
 * JVM, or a worker JVM that receives its {@linkplain WireTask wire form}. Nothing that runs a task
 * needs a lambda, so nothing un-serialisable crosses a model boundary.
 */
public sealed interface Task permits WireTask, LocalTask {

    /** Runs the task on the calling thread and returns its value. */
    long run() throws Exception;

    /**
     * True when the task mostly waits (sleeps, I/O, locks) rather than computes. A ForkJoinPool
     * runner uses this to decide whether to block through {@code ForkJoinPool.managedBlock}.
     */
    boolean blocks();
}
