package dev.concurrencybench.counter;

import dev.concurrencybench.process.ChildJvm;
import dev.concurrencybench.process.JavaCommand;
import dev.concurrencybench.util.Checks;
import dev.concurrencybench.util.TempDirs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Across PROCESSES: the parent owns the count (a file, a mapped file, the queue behind a Unix domain
 * socket, or, for NAIVE and ATOMIC, an object in its own heap that no child can reach), and
 * {@code workers} worker JVMs ({@link CounterWorkerMain}) started once by {@link #open} attach to
 * it for each run. So a run measures the increments, not JVM start-up.
 *
 * <p>Each worker is a {@link ChildJvm}: its stdout carries the lines {@link CounterWorkerMain}
 * describes, its stderr goes into the tail that errors quote, and every wait for a line is
 * bounded. No worker outlives its parent: each reads its commands from the parent's pipe and exits
 * when that pipe ends, including when the parent dies.
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
    private final List<ChildJvm> procs = new ArrayList<>();
    private final ScheduledThreadPoolExecutor watchdog = ChildJvm.watchdog("counter-watchdog");
    private int increments;

    private ProcessCounters(CounterVariant variant, Path dir, Counter host) {
        this.variant = variant;
        this.dir = dir;
        this.host = host;
    }

    public static ProcessCounters open(CounterVariant variant, int workers) throws IOException {
        Checks.positive("workers", workers);
        Path dir = TempDirs.create(DIR_PREFIX);
        ProcessCounters s = null;
        try {
            s = new ProcessCounters(variant, dir, variant.create(dir, Across.PROCESSES));
            String address = s.host.address().map(Path::toString).orElse(CounterWorkerMain.NO_ADDRESS);
            List<String> command = JavaCommand.worker(WORKER_JVM_FLAGS, JavaCommand.classPathOf(CounterWorkerMain.class),
                    CounterWorkerMain.class, List.of(variant.name(), address));
            for (int i = 0; i < workers; i++) {
                s.procs.add(ChildJvm.start(command, s.watchdog));
            }
            for (int i = 0; i < workers; i++) {
                s.await(i, "ready");
            }
            return s;
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(s, dir);
            throw e;
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
        Checks.positive("increments", increments);
        this.increments = increments;
        host.reset();
    }

    /**
     * Starts one worker's run; if {@code pauseAt >= 0}, that increment (counting from 0) stops in its
     * gap (holding the lock or token, if the variant has one) and reports {@code gap <read>}.
     */
    public void start(int worker, int pauseAt) throws IOException {
        procs.get(worker).writeLine("run " + increments + " " + pauseAt);
    }

    /** Waits until the worker is in its gap; returns the value it read. */
    public long awaitGap(int worker) {
        return Long.parseLong(await(worker, "gap ").substring(4));
    }

    /** Lets a paused worker write and carry on. */
    public void resume(int worker) throws IOException {
        procs.get(worker).writeLine("go");
    }

    /** Kills a worker at once (SIGKILL on Unix) and waits, bounded, until it is gone; returns its exit code. */
    public int kill(int worker) {
        ChildJvm child = procs.get(worker);
        child.kill();
        if (child.isAlive()) {
            throw new IllegalStateException(name(worker) + " still runs " + ChildJvm.GRACE + " after SIGKILL");
        }
        return child.exitValue();
    }

    public WorkerReport awaitDone(int worker) {
        return WorkerReport.parse(await(worker, "done "));
    }

    /**
     * The worker's next line, which must start with {@code word}; waits at most {@link #BOUND}. On
     * an error, an exit, a timeout or another line the worker is killed and the error quotes the
     * end of its stderr.
     */
    private String await(int worker, String word) {
        ChildJvm child = procs.get(worker);
        String line;
        try {
            line = child.readLine(BOUND);
        } catch (IOException e) {
            child.kill();
            String why = child.timedOut() ? "sent no '" + word.strip() + "' within " + BOUND + " and was killed"
                    : "exited before '" + word.strip() + "' (" + child.exitStatus() + ")";
            throw new IllegalStateException(name(worker) + " " + why + child.stderrTail(), e);
        }
        if (!line.startsWith(word)) {
            child.kill();
            throw new IllegalStateException(name(worker) + " sent '" + line + "' instead of '" + word.strip() + "'" + child.stderrTail());
        }
        return line;
    }

    private String name(int worker) {
        return "counter worker " + worker + " (pid " + procs.get(worker).pid() + ")";
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
        return new CounterOutcome(variant, Across.PROCESSES, increments, host.value(), reports);
    }

    private void killAll() {
        procs.forEach(ChildJvm::kill);
    }

    @Override
    public CounterVariant variant() {
        return variant;
    }

    @Override
    public Across across() {
        return Across.PROCESSES;
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
            procs.forEach(ChildJvm::endInput); // all exit at once
            procs.forEach(ChildJvm::finish);
            watchdog.shutdownNow();
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
