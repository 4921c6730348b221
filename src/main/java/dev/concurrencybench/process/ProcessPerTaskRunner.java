package dev.concurrencybench.process;

import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskResult;
import dev.concurrencybench.task.WireTask;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh worker JVM per task, all started at once and then awaited in order: Python's
 * {@code multiprocessing.Process(target=...)} with start() for each, then join() for each. Each
 * worker gets its one request and the end of its stdin right after it starts, so it answers and
 * exits with no further round trip. If any task fails, every worker of the batch still alive is
 * killed before the error is thrown.
 */
public final class ProcessPerTaskRunner implements TaskRunner {

    private final LiveWorkers workers;

    public ProcessPerTaskRunner(WorkerSpec spec) {
        this.workers = new LiveWorkers(spec);
    }

    @Override
    public List<TaskResult> runAll(List<? extends Task> tasks) {
        List<WireTask> wires = LiveWorkers.wireForms(tasks);
        List<WorkerProcess> started = new ArrayList<>(tasks.size());
        int done = 0;
        try {
            for (int i = 0; i < tasks.size(); i++) {
                WorkerProcess w = workers.start(tasks.get(i));
                started.add(w);
                w.send(wires.get(i));
                w.endInput();
            }
            List<TaskResult> results = new ArrayList<>(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                WorkerProcess w = started.get(i);
                results.add(w.await(tasks.get(i)));
                w.finish();
                workers.exited(w);
                done++;
            }
            return results;
        } finally {
            for (int i = done; i < started.size(); i++) {
                workers.release(started.get(i));
            }
        }
    }

    /** Runs one task in one fresh worker: the spawn cost SpawnBenchmark measures. */
    public TaskResult run(Task task) {
        return runAll(List.of(task)).get(0);
    }

    /** Kills any worker still running (a batch in flight on another thread fails) and stops the watchdog. */
    @Override
    public void close() {
        workers.close();
    }
}
