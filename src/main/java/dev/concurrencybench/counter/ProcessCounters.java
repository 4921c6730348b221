package dev.concurrencybench.counter;

import dev.concurrencybench.process.JavaCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PROCESSES mode: the parent owns the count (a file, a mapped file, the queue behind a Unix domain
 * socket, or, for NAIVE and ATOMIC, an object in its own heap that no child can reach), and
 * {@code workers} worker JVMs ({@link CounterWorkerMain}) started once by {@link #open} attach to
 * it for each run. So a run measures the increments, not JVM start-up.
 *
 * <p>No worker outlives its parent: each reads its commands from the parent's pipe and exits when
 * that pipe ends, including when the parent dies.
 *
 * <p>Tests drive single workers through {@link #start}, {@link #awaitGap}, {@link #resume},
 * {@link #kill} and {@link #awaitDone} to force interleavings and crashes without sleeping.
 */
public final class ProcessCounters implements CounterScenario {

    /**
     * Worker JVM flags: a small heap and the serial collector, because eight of these share two
     * cores with the parent and a counter needs almost no memory.
     */
    public static final List<String> WORKER_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx64m", "-Xshare:auto");

    private static final Duration BOUND = ThreadCounters.BOUND;

    private final CounterVariant variant;
    private final Path dir;
    private final Counter host;
    private final List<WorkerProcess> procs = new ArrayList<>();
    private int increments;

    private ProcessCounters(CounterVariant variant, Path dir, Counter host) {
        this.variant = variant;
        this.dir = dir;
        this.host = host;
    }

    public static ProcessCounters open(CounterVariant variant, int workers) throws IOException {
        ThreadCounters.requirePositive("workers", workers);
        Path dir = TempDirs.create();
        ProcessCounters s = null;
        try {
            s = new ProcessCounters(variant, dir, variant.create(dir, CounterMode.PROCESSES));
            String address = s.host.address().map(Path::toString).orElse(CounterWorkerMain.NO_ADDRESS);
            List<String> command = JavaCommand.of(WORKER_JVM_FLAGS, CounterWorkerMain.class, List.of(variant.name(), address));
            for (int i = 0; i < workers; i++) {
                s.procs.add(new WorkerProcess(i, command));
            }
            for (WorkerProcess p : s.procs) {
                p.await("ready", BOUND);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(s, dir);
            throw e;
        } catch (InterruptedException e) {
            closeAfterFailure(s, dir);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting counter workers", e);
        }
    }

    private static void closeAfterFailure(ProcessCounters s, Path dir) {
        if (s != null) {
            s.killAll();
            s.close();
        } else {
            TempDirs.delete(dir);
        }
    }

    /** Resets the count and runs every worker to the end; kills them all if any fails. */
    @Override
    public CounterOutcome run(int increments) throws Exception {
        reset(increments);
        try {
            for (int i = 0; i < procs.size(); i++) {
                start(i, -1);
            }
            List<WorkerReport> reports = new ArrayList<>(procs.size());
            for (int i = 0; i < procs.size(); i++) {
                reports.add(awaitDone(i));
            }
            return outcome(reports);
        } catch (Exception e) {
            killAll();
            throw e;
        }
    }

    /** Sets the count to 0 and the increments each worker will make when {@linkplain #start started}. */
    public void reset(int increments) throws Exception {
        ThreadCounters.requirePositive("increments", increments);
        this.increments = increments;
        host.reset();
    }

    /**
     * Starts one worker's run; if {@code pauseAt >= 0}, that increment (counting from 0) stops in its
     * gap (holding the lock or token, if the variant has one) and reports {@code gap <read>}.
     */
    public void start(int worker, int pauseAt) throws IOException {
        procs.get(worker).send("run " + increments + " " + pauseAt);
    }

    /** Waits until the worker is in its gap; returns the value it read. */
    public long awaitGap(int worker) throws InterruptedException {
        return Long.parseLong(procs.get(worker).await("gap ", BOUND).substring(4));
    }

    /** Lets a paused worker write and carry on. */
    public void resume(int worker) throws IOException {
        procs.get(worker).send("go");
    }

    /** Kills a worker at once (SIGKILL on Unix); returns its exit code. */
    public int kill(int worker) throws InterruptedException {
        return procs.get(worker).kill();
    }

    public WorkerReport awaitDone(int worker) throws InterruptedException {
        return WorkerReport.parse(procs.get(worker).await("done ", BOUND));
    }

    public long pid(int worker) {
        return procs.get(worker).pid();
    }

    /** The count as the parent sees it. */
    public long value() throws Exception {
        return host.value();
    }

    /** An outcome from reports the caller collected (for runs driven step by step). */
    public CounterOutcome outcome(List<WorkerReport> reports) throws Exception {
        return new CounterOutcome(variant, CounterMode.PROCESSES, increments, host.value(), reports);
    }

    private void killAll() {
        for (WorkerProcess p : procs) {
            try {
                p.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public CounterVariant variant() {
        return variant;
    }

    @Override
    public CounterMode mode() {
        return CounterMode.PROCESSES;
    }

    @Override
    public int workers() {
        return procs.size();
    }

    @Override
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try {
            for (WorkerProcess p : procs) {
                p.close();
            }
        } finally {
            try {
                host.close();
            } catch (IOException e) {
                System.err.println("counter: close failed: " + e);
            }
            TempDirs.delete(dir);
        }
    }
}
