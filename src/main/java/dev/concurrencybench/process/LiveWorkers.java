package dev.concurrencybench.process;

import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskFailedException;
import dev.concurrencybench.task.WireTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * What both process models share: the worker JVMs one runner has started and not yet released,
 * with the watchdog that enforces their timeouts, and the check that every task has a wire form.
 * Closing it kills them all forcibly, from any thread, and no worker starts after.
 */
final class LiveWorkers {

    private final WorkerSpec spec;
    private final ScheduledThreadPoolExecutor watchdog = ChildJvm.watchdog("worker-watchdog");
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    LiveWorkers(WorkerSpec spec) {
        this.spec = spec;
    }

    /** The wire form of every task, or an error naming the first that has none, before any worker starts. */
    static List<WireTask> wireForms(List<? extends Task> tasks) {
        List<WireTask> wires = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            if (!(task instanceof WireTask wire)) {
                throw new IllegalArgumentException("task '" + TaskFailedException.describe(task)
                        + "' is a LocalTask: it lives only in this JVM and has no wire form, so a process model"
                        + " cannot run it; run it on a thread model");
            }
            wires.add(wire);
        }
        return wires;
    }

    /** Starts a worker that will run {@code task} (null for a pool worker with no task yet). */
    WorkerProcess start(Task task) {
        if (!closed) {
            WorkerProcess w = WorkerProcess.start(spec, watchdog);
            live.add(w);
            if (!closed) {
                return w;
            }
            release(w); // close() ran while it started and may have missed it
        }
        if (task == null) {
            throw new IllegalStateException("the runner is closed");
        }
        throw new TaskFailedException(task, "the runner was closed", null);
    }

    /** Kills {@code w} unless it has already exited, and forgets it. */
    void release(WorkerProcess w) {
        w.kill();
        live.remove(w);
    }

    /** Forgets a worker that has exited on its own. */
    void exited(WorkerProcess w) {
        live.remove(w);
    }

    boolean closed() {
        return closed;
    }

    List<Long> pids() {
        return live.stream().map(WorkerProcess::pid).sorted().toList();
    }

    /** Kills every worker still alive and stops the watchdog. */
    void close() {
        closed = true;
        for (WorkerProcess w : live) {
            w.kill();
        }
        live.clear();
        watchdog.shutdownNow();
    }
}
