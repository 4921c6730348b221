package dev.concurrencybench.process;

import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskFailedException;
import dev.concurrencybench.task.WireTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** What both process models share: the wire check and the watchdog that enforces timeouts. */
final class Workers {

    private Workers() {
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

    /** One daemon thread that kills workers whose request outlived its timeout. */
    static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("worker-watchdog").daemon(true).factory());
        watchdog.setRemoveOnCancelPolicy(true);
        return watchdog;
    }
}
