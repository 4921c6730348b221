package dev.concurrencybench.process;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM seen from its parent: the layer under every worker JVM of this suite, the task
 * workers of the process models and the counter workers alike.
 * <ul>
 *   <li>It runs a command from {@link JavaCommand#worker}: this JVM's own {@code java}, a class
 *       path, no shell, and flags that send the JVM's own output to stderr.</li>
 *   <li>Its stdout is the protocol, read a line at a time; its stdin takes lines. Its stderr is
 *       drained by a daemon thread into a bounded tail that error messages quote, so a chatty
 *       child never blocks on a full pipe.</li>
 *   <li>Every wait is bounded. A read has a deadline, after which the watchdog kills the child
 *       (which ends the read); a kill, or an exit once stdin has ended, waits at most
 *       {@link #GRACE}. A shutdown hook ({@link Reaper}) kills any child still alive.</li>
 * </ul>
 * One thread at a time reads and writes; {@link #kill} may come from any thread.
 */
public final class ChildJvm {

    /** How long to wait for a child to exit, or for its stderr to end, once it should. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final OutputStream stdin;
    private final BufferedReader stdout;
    private final StderrTail stderr;
    private final ScheduledExecutorService watchdog;
    private volatile boolean timedOut;
    private volatile boolean killed;

    private ChildJvm(Process process, ScheduledExecutorService watchdog) {
        this.process = process;
        this.watchdog = watchdog;
        this.stdin = process.getOutputStream();
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stderr = new StderrTail(process.getErrorStream(), "child-" + process.pid() + "-stderr");
    }

    /**
     * Starts {@code command} (from {@link JavaCommand#worker}); {@code watchdog} enforces the
     * deadlines of its reads (one per owner, from {@link #watchdog(String)}).
     */
    public static ChildJvm start(List<String> command, ScheduledExecutorService watchdog) {
        Process p;
        try {
            p = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a child JVM (" + command.get(0) + "): " + e.getMessage(), e);
        }
        Reaper.register(p);
        return new ChildJvm(p, watchdog);
    }

    /** One daemon thread that kills the children whose read outlived its deadline. */
    public static ScheduledThreadPoolExecutor watchdog(String name) {
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name(name).daemon(true).factory());
        watchdog.setRemoveOnCancelPolicy(true);
        return watchdog;
    }

    /**
     * Starts a child that speaks no protocol, with its output discarded, and waits up to
     * {@code bound} for it to exit; throws unless it exits 0. This is SpawnBenchmark's floor, a
     * JVM that does nothing, so it gets no pipes and no drain thread: only the JVM's start and exit.
     */
    public static int runToExit(List<String> command, Duration bound) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Reaper.register(p);
        try {
            if (!p.waitFor(bound.toNanos(), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                throw new IllegalStateException("the JVM did not exit within " + bound + " and was killed: " + command);
            }
            int status = p.exitValue();
            if (status != 0) {
                throw new IllegalStateException("the JVM exited with status " + status + ": " + command);
            }
            return status;
        } finally {
            p.destroyForcibly();
            Reaper.unregister(p);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True once the child was killed, by {@link #kill} or by a read's deadline. */
    public boolean killed() {
        return killed;
    }

    /** True once a read's deadline passed and the watchdog killed the child. */
    public boolean timedOut() {
        return timedOut;
    }

    /** Writes one line to the child's stdin; fails if the child is gone. */
    public void writeLine(String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Closes the child's stdin: the end of its input, which tells a worker to exit. */
    public void endInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** The next line of the child's stdout, waiting at most {@code bound}. */
    public String readLine(Duration bound) throws IOException {
        return readLine(System.nanoTime() + bound.toNanos());
    }

    /**
     * The next line of the child's stdout, waiting until {@code deadline} (a {@link System#nanoTime}
     * value) at most: then the watchdog kills the child, its stdout ends, and this throws
     * {@link EOFException}, as it does when the child dies or exits; {@link #timedOut} tells which.
     */
    public String readLine(long deadline) throws IOException {
        ScheduledFuture<?> alarm = null;
        try {
            alarm = watchdog.schedule(this::timeOut, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            kill(); // the owner is closing: the read below finds the end at once
        }
        try {
            String line = stdout.readLine();
            if (line == null) {
                throw new EOFException("the child's stdout ended");
            }
            return line;
        } finally {
            if (alarm != null) {
                alarm.cancel(false);
            }
        }
    }

    /** After {@link #endInput}: waits, bounded, for the child to exit on its own, then makes sure it has. */
    public void finish() {
        try {
            stdout.close(); // anything more it writes fails at once instead of filling a pipe
        } catch (IOException e) {
            // nothing to release
        }
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        release();
    }

    /** Kills the child forcibly (SIGKILL) and waits, bounded, until it is gone. Any thread. */
    public void kill() {
        killed = true;
        // Through the handle: Process.destroyForcibly() also closes our ends of the pipes, which
        // could drop the last of stderr before the drain thread has read it. The pipes end on
        // their own once the process is gone.
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release();
    }

    /** The child's exit status, once it has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /** "exit status N", or "still running", for error messages. */
    public String exitStatus() {
        return process.isAlive() ? "still running" : "exit status " + process.exitValue();
    }

    /**
     * The end of the child's stderr, for an error message: {@code "; the end of its stderr:\n..."}
     * or {@code "; its stderr was empty"}. Waits, bounded, for the stream to end, so call it once
     * the child is dead.
     */
    public String stderrTail() {
        String tail = stderr.tail(GRACE);
        return tail.isBlank() ? "; its stderr was empty" : "; the end of its stderr:\n" + tail;
    }

    private void timeOut() {
        timedOut = true;
        kill();
    }

    private void release() {
        if (!process.isAlive()) {
            Reaper.unregister(process);
        }
    }

    @Override
    public String toString() {
        return "child JVM " + pid();
    }

    /** Drains a stream on a daemon thread, keeping only its last {@value #MAX} characters. */
    static final class StderrTail {
        static final int MAX = 4000;
        private final StringBuilder tail = new StringBuilder();
        private final Thread drainer;

        StderrTail(InputStream in, String name) {
            drainer = Thread.ofPlatform().daemon().name(name).start(() -> drain(in));
        }

        private void drain(InputStream in) {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (tail) {
                        tail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        if (tail.length() > 2 * MAX) {
                            tail.delete(0, tail.length() - MAX);
                        }
                    }
                }
            } catch (IOException e) {
                // the stream closed: nothing more to keep
            }
        }

        /** The last characters written, once the stream has ended (or {@code wait} has passed). */
        String tail(Duration wait) {
            try {
                drainer.join(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (tail) {
                return tail.length() > MAX ? tail.substring(tail.length() - MAX) : tail.toString();
            }
        }
    }
}
