package dev.concurrencybench.process;

import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskFailedException;
import dev.concurrencybench.task.TaskResult;
import dev.concurrencybench.task.WireTask;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One worker JVM seen from the parent: its stdin and stdout carry the {@link Protocol}, its stderr
 * is drained by a daemon thread into a bounded tail that failures quote. One thread at a time
 * sends and awaits; {@link #kill} may come from any thread. Every request is guarded by a
 * watchdog that kills the worker forcibly when the request outlives the spec's timeout, so a hung
 * worker turns into an error instead of a hang.
 */
final class WorkerProcess {

    /** How long to wait for a worker to exit, or for its stderr to end, once it should. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** The least time a pool worker gets to start and say hello. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final WorkerSpec spec;
    private final Process process;
    private final OutputStream stdin;
    private final BufferedReader stdout;
    private final StderrTail stderr;
    private final ScheduledExecutorService watchdog;
    private long nextId = 1;
    private long pendingId;
    private ScheduledFuture<?> deadline;
    private boolean helloChecked;
    private volatile boolean timedOut;
    private volatile boolean killed;
    private volatile boolean broken;

    private WorkerProcess(WorkerSpec spec, Process process, ScheduledExecutorService watchdog) {
        this.spec = spec;
        this.process = process;
        this.watchdog = watchdog;
        this.stdin = process.getOutputStream();
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.stderr = new StderrTail(process.getErrorStream(), "worker-" + process.pid() + "-stderr");
    }

    /** Starts a worker JVM; it says hello on its own, which the first {@link #await} checks. */
    static WorkerProcess start(WorkerSpec spec, ScheduledExecutorService watchdog) {
        Process p;
        try {
            p = new ProcessBuilder(spec.command()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a worker JVM (" + spec.command().get(0) + "): " + e.getMessage(), e);
        }
        Reaper.register(p);
        return new WorkerProcess(spec, p, watchdog);
    }

    long pid() {
        return process.pid();
    }

    /** True unless the worker died, was killed, or broke the protocol: only then may it be reused. */
    boolean usable() {
        return !broken && !killed && process.isAlive();
    }

    /** Sends one task; its deadline starts now. A write that fails is reported by {@link #await}. */
    void send(WireTask task) {
        pendingId = nextId++;
        try {
            deadline = watchdog.schedule(this::timeOut, spec.taskTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            deadline = null;
            kill(); // the owner is closing; the await that follows reports it
            return;
        }
        try {
            stdin.write((Protocol.request(pendingId, task) + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        } catch (IOException e) {
            // The worker is gone; reading its stdout finds the end and says why.
        }
    }

    /** Closes the worker's stdin, which tells it to exit once it has answered. */
    void endInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** Waits for the answer to the request sent last; any failure names {@code task} and kills the worker. */
    TaskResult await(Task task) {
        try {
            if (!helloChecked) {
                checkHello(readLine());
            }
            Protocol.Reply reply = Protocol.parseReply(pendingId, readLine());
            if (reply.failed()) {
                throw new TaskFailedException(task, "threw in worker " + pid() + ": " + reply.error(), null);
            }
            return new TaskResult(reply.value(), pid(), reply.thread());
        } catch (IOException | Protocol.ProtocolException e) {
            throw failure(task, e);
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /** Sends {@code task} and waits for its answer. */
    TaskResult call(Task task, WireTask wire) {
        send(wire);
        return await(task);
    }

    /**
     * Waits for the hello of a worker that has no task yet, for the spec's timeout but at least
     * {@link #START_TIMEOUT}: a short task timeout must not fail a JVM start on a busy machine.
     */
    void awaitHello() {
        long bound = Math.max(spec.taskTimeout().toNanos(), START_TIMEOUT.toNanos());
        ScheduledFuture<?> helloDeadline = watchdog.schedule(this::timeOut, bound, TimeUnit.NANOSECONDS);
        try {
            checkHello(readLine());
        } catch (IOException | Protocol.ProtocolException e) {
            kill();
            throw new IllegalStateException("worker " + pid() + " did not start: " + cause(e), e);
        } finally {
            helloDeadline.cancel(false);
        }
    }

    /** The next line from the worker; the end of its stdout means it died (or was killed). */
    private String readLine() throws IOException {
        String line = stdout.readLine();
        if (line == null) {
            throw new EOFException("the worker's stdout ended");
        }
        return line;
    }

    private void checkHello(String line) {
        long said = Protocol.parseHello(line);
        if (said != pid()) {
            throw new Protocol.ProtocolException("worker says its PID is " + said + " but the process started is " + pid());
        }
        helloChecked = true;
    }

    /** After {@link #endInput}: waits for the worker to exit on its own, then makes sure it has. */
    void finish() {
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

    /** Kills the worker forcibly (SIGKILL) and waits, bounded, until it is gone. Any thread. */
    void kill() {
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

    private void release() {
        if (!process.isAlive()) {
            Reaper.unregister(process);
        }
    }

    private void timeOut() {
        timedOut = true;
        kill();
    }

    private TaskFailedException failure(Task task, Exception e) {
        broken = true;
        boolean timeout = timedOut;
        boolean closed = killed && !timeout;
        kill();
        String detail;
        if (timeout) {
            detail = "no answer from worker " + pid() + " within " + spec.taskTimeout().toMillis() + " ms; the worker was killed";
        } else if (closed) {
            detail = "worker " + pid() + " was closed while the task ran";
        } else if (e instanceof Protocol.ProtocolException) {
            detail = "worker " + pid() + " broke the protocol: " + e.getMessage() + "; the worker was killed" + stderrTail();
        } else if (e instanceof EOFException) {
            String status = process.isAlive() ? "still running" : "exit status " + process.exitValue();
            detail = "worker " + pid() + " died (" + status + ")" + stderrTail();
        } else {
            detail = "lost worker " + pid() + ": " + e + stderrTail();
        }
        return new TaskFailedException(task, detail, e);
    }

    private String stderrTail() {
        String tail = stderr.tail(GRACE);
        return tail.isBlank() ? "; its stderr was empty" : "; the end of its stderr:\n" + tail;
    }

    private static String cause(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public String toString() {
        return "worker " + pid();
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
