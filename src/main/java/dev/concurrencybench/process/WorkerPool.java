package dev.concurrencybench.process;

import dev.concurrencybench.runner.Batches;
import dev.concurrencybench.runner.TaskRunner;
import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskFailedException;
import dev.concurrencybench.task.TaskResult;
import dev.concurrencybench.task.WireTask;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * K persistent worker JVMs fed over the line protocol: Python's {@code Pool(K).map}. All K start
 * (and say hello) in the constructor, so a batch never waits for a JVM to start; each task takes
 * an idle worker, sends it one request and waits for the answer, so one worker runs many tasks.
 * Idle workers queue first in, first out, so a batch of K or more tasks reaches all K workers.
 * K feeder threads do the waiting in parallel; a batch of one runs on the caller's thread, which
 * makes a single round trip just two pipe hops.
 *
 * <p>A worker that fails (crash, timeout, protocol error) is killed and replaced by a fresh one,
 * the way a Python pool replaces a dead process. {@link #close} kills every worker forcibly,
 * failing any task still in flight.
 */
public final class WorkerPool implements TaskRunner {

    private final int size;
    private final LiveWorkers workers;
    private final BlockingQueue<WorkerProcess> idle;
    private final ExecutorService feeders;
    private final AtomicInteger inFlight = new AtomicInteger();

    public WorkerPool(WorkerSpec spec, int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("workers must be > 0, got " + size);
        }
        this.workers = new LiveWorkers(spec);
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
        this.feeders = Executors.newFixedThreadPool(size, Thread.ofPlatform().name("pool-feeder-", 0).daemon(true).factory());
        try {
            List<WorkerProcess> started = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                started.add(workers.start(null));
            }
            for (WorkerProcess w : started) {
                w.awaitHello();
                idle.add(w);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public int size() {
        return size;
    }

    /** Tasks sent to a worker and not yet answered. */
    public int tasksInFlight() {
        return inFlight.get();
    }

    /** The PIDs of the workers alive now. */
    public List<Long> pids() {
        return workers.pids();
    }

    @Override
    public List<TaskResult> runAll(List<? extends Task> tasks) {
        List<WireTask> wires = LiveWorkers.wireForms(tasks);
        if (tasks.size() == 1) {
            return List.of(call(tasks.get(0), wires.get(0)));
        }
        List<Future<TaskResult>> futures = new ArrayList<>(tasks.size());
        try {
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                WireTask wire = wires.get(i);
                futures.add(feeders.submit(() -> call(task, wire)));
            }
            // Tasks not yet sent are cancelled on a failure; sent ones finish or time out.
            return Batches.collect(tasks, futures, false);
        } catch (RuntimeException e) {
            futures.forEach(f -> f.cancel(false));
            throw e;
        }
    }

    /** One task on an idle worker, on the calling thread. */
    private TaskResult call(Task task, WireTask wire) {
        WorkerProcess w = takeIdle(task);
        inFlight.incrementAndGet();
        try {
            return w.call(task, wire);
        } finally {
            inFlight.decrementAndGet();
            giveBack(w);
        }
    }

    private WorkerProcess takeIdle(Task task) {
        try {
            while (true) {
                if (workers.closed()) {
                    throw new TaskFailedException(task, "the worker pool is closed", null);
                }
                WorkerProcess w = idle.poll(100, TimeUnit.MILLISECONDS); // wakes to notice close()
                if (w != null) {
                    return w;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskFailedException.of(task, e);
        }
    }

    /** Returns a worker to the idle queue, or replaces it with a fresh one when it failed. */
    private void giveBack(WorkerProcess w) {
        if (w.usable() && !workers.closed()) {
            idle.add(w);
            return;
        }
        workers.release(w);
        try {
            idle.add(workers.start(null));
        } catch (IllegalStateException e) {
            // closed, or java cannot start any more: the pool runs one short
        }
    }

    /** Kills every worker forcibly (tasks in flight fail), then stops the feeder threads and the watchdog. */
    @Override
    public void close() {
        workers.close();
        idle.clear();
        feeders.shutdownNow();
        try {
            if (!feeders.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("pool feeder threads still running 30 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
