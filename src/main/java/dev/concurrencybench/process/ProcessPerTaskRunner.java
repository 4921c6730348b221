package dev.concurrencybench.process;

import dev.concurrencybench.model.TaskRunner;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskResult;
import dev.concurrencybench.task.WireTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A fresh worker JVM per task, all started at once and then awaited in order: Python's
 * {@code multiprocessing.Process(target=...)} with start() for each, then join() for each. Each
 * worker gets its one request and the end of its stdin right after it starts, so it answers and
 * exits with no further round trip. If any task fails, every worker of the batch still alive is
 * killed before the error is thrown.
 */
public final class ProcessPerTaskRunner implements TaskRunner {

    private final WorkerSpec spec;
    private final ScheduledThreadPoolExecutor watchdog = Workers.watchdog();
    private final Set<WorkerProcess> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ProcessPerTaskRunner(WorkerSpec spec) {
        this.spec = spec;
    }

    @Override
    public List<TaskResult> runAll(List<? extends Task> tasks) {
        List<WireTask> wires = Workers.wireForms(tasks);
        List<WorkerProcess> workers = new ArrayList<>(tasks.size());
        int done = 0;
        try {
            for (WireTask wire : wires) {
                WorkerProcess w = startWorker();
                workers.add(w);
                w.send(wire);
                w.endInput();
            }
            List<TaskResult> results = new ArrayList<>(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                WorkerProcess w = workers.get(i);
                results.add(w.await(tasks.get(i)));
                w.finish();
                live.remove(w);
                done++;
            }
            return results;
        } finally {
            for (int i = done; i < workers.size(); i++) {
                workers.get(i).kill();
                live.remove(workers.get(i));
            }
        }
    }

    /** Runs one task in one fresh worker: the spawn cost SpawnBenchmark measures. */
    public TaskResult run(Task task) {
        return runAll(List.of(task)).get(0);
    }

    private WorkerProcess startWorker() {
        if (closed) {
            throw new IllegalStateException("runner is closed");
        }
        WorkerProcess w = WorkerProcess.start(spec, watchdog);
        live.add(w);
        if (closed) {
            w.kill(); // close() ran while it started; the await that follows reports it
        }
        return w;
    }

    /** Kills any worker still running (a batch in flight on another thread fails) and stops the watchdog. */
    @Override
    public void close() {
        closed = true;
        for (WorkerProcess w : live) {
            w.kill();
        }
        live.clear();
        watchdog.shutdownNow();
    }
}
