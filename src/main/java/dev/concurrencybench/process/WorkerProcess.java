package dev.concurrencybench.process;

import dev.concurrencybench.task.Task;
import dev.concurrencybench.task.TaskFailedException;
import dev.concurrencybench.task.TaskResult;
import dev.concurrencybench.task.WireTask;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One task worker: the {@link Protocol} spoken over a {@link ChildJvm}. One thread at a time sends
 * and awaits; {@link #kill} may come from any thread. Every request has a deadline of the spec's
 * timeout from the moment it is sent; past it the worker is killed, so a hung worker turns into
 * an error naming the task instead of a hang.
 */
final class WorkerProcess {

    /** The least time a pool worker gets to start and say hello. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final WorkerSpec spec;
    private final ChildJvm child;
    private long nextId = 1;
    private long pendingId;
    private long deadline;
    private boolean helloChecked;
    private volatile boolean broken;

    private WorkerProcess(WorkerSpec spec, ChildJvm child) {
        this.spec = spec;
        this.child = child;
    }

    /** Starts a worker JVM; it says hello on its own, which the first {@link #await} checks. */
    static WorkerProcess start(WorkerSpec spec, ScheduledExecutorService watchdog) {
        return new WorkerProcess(spec, ChildJvm.start(spec.command(), watchdog));
    }

    long pid() {
        return child.pid();
    }

    /** True unless the worker died, was killed, or broke the protocol: only then may it be reused. */
    boolean usable() {
        return !broken && !child.killed() && child.isAlive();
    }

    /** Sends one task; its deadline starts now. A write that fails is reported by {@link #await}. */
    void send(WireTask task) {
        pendingId = nextId++;
        deadline = System.nanoTime() + spec.taskTimeout().toNanos();
        try {
            child.writeLine(Protocol.request(pendingId, task));
        } catch (IOException e) {
            // The worker is gone; reading its stdout finds the end and says why.
        }
    }

    /** Closes the worker's stdin, which tells it to exit once it has answered. */
    void endInput() {
        child.endInput();
    }

    /** Waits for the answer to the request sent last; any failure names {@code task} and kills the worker. */
    TaskResult await(Task task) {
        try {
            if (!helloChecked) {
                checkHello(child.readLine(deadline));
            }
            Protocol.Reply reply = Protocol.parseReply(pendingId, child.readLine(deadline));
            if (reply.failed()) {
                throw new TaskFailedException(task, "threw in worker " + pid() + ": " + reply.error(), null);
            }
            return new TaskResult(reply.value(), pid(), reply.thread());
        } catch (IOException | Protocol.ProtocolException e) {
            throw failure(task, e);
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
        try {
            checkHello(child.readLine(Duration.ofNanos(bound)));
        } catch (IOException | Protocol.ProtocolException e) {
            child.kill();
            throw new IllegalStateException("worker " + pid() + " did not start: " + cause(e), e);
        }
    }

    private void checkHello(String line) {
        long said = Protocol.parseHello(line);
        if (said != pid()) {
            throw new Protocol.ProtocolException("worker says its PID is " + said + " but the process started is " + pid());
        }
        helloChecked = true;
    }

    /** After {@link #endInput}: waits, bounded, for the worker to exit on its own, then makes sure it has. */
    void finish() {
        child.finish();
    }

    /** Kills the worker forcibly and waits, bounded, until it is gone. Any thread. */
    void kill() {
        child.kill();
    }

    private TaskFailedException failure(Task task, Exception e) {
        broken = true;
        boolean timeout = child.timedOut();
        boolean closed = child.killed() && !timeout;
        child.kill();
        String detail;
        if (timeout) {
            detail = "no answer from worker " + pid() + " within " + spec.taskTimeout().toMillis() + " ms; the worker was killed";
        } else if (closed) {
            detail = "worker " + pid() + " was closed while the task ran";
        } else if (e instanceof Protocol.ProtocolException) {
            detail = "worker " + pid() + " broke the protocol: " + e.getMessage() + "; the worker was killed" + child.stderrTail();
        } else if (e instanceof EOFException) {
            detail = "worker " + pid() + " died (" + child.exitStatus() + ")" + child.stderrTail();
        } else {
            detail = "lost worker " + pid() + ": " + e + child.stderrTail();
        }
        return new TaskFailedException(task, detail, e);
    }

    private static String cause(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    public String toString() {
        return "worker " + pid();
    }
}
