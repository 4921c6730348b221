package dev.concurrencybench.python;

import dev.concurrencybench.util.TempDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a Python run leaves behind until it ends: the unpacked program, the partial results
 * and the one Python process running at a time with its whole tree. Closing the session, or a
 * SIGTERM or Ctrl-C of the JVM (a shutdown hook), kills that tree within {@link #KILL_BOUND} and
 * removes the folder. Starting a process and writing the results files happen under the same lock
 * as that clean-up, so after it nothing new starts and no file is left half written.
 */
final class Session implements AutoCloseable {

    /** How long the clean-up waits for the killed processes to end. */
    static final Duration KILL_BOUND = Duration.ofSeconds(10);

    /** Writing that must happen whole or not at all with respect to the clean-up. */
    interface Write {
        void run() throws IOException;
    }

    private final Path dir;
    private final Path entry;
    private final Thread hook = new Thread(this::cleanUp, "python-clean-up");
    private Process live;
    private boolean closed;

    private Session(Path dir, Path entry) {
        this.dir = dir;
        this.entry = entry;
    }

    /** Unpacks the program into a new temp folder and arms the clean-up for an interrupted JVM. */
    static Session open() throws IOException {
        Path dir = TempDirs.create("concurrency-bench-python-");
        Session s;
        try {
            s = new Session(dir, NotebookProgram.unpackInto(dir.resolve("program")));
        } catch (IOException | RuntimeException e) {
            TempDirs.delete(dir);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /** The program's entry script, {@code notebook.py}. */
    Path entry() {
        return entry;
    }

    /** A path for a file of this session's own (partial results, a process's stderr), removed with it. */
    Path file(String name) {
        return dir.resolve(name);
    }

    /** Starts {@code command} as this session's one live process; refused once the session is closing. */
    synchronized Process start(ProcessBuilder command) throws IOException {
        if (closed) {
            throw new IOException("the run is ending; " + command.command().get(0) + " was not started");
        }
        live = command.start();
        return live;
    }

    /** Waits for {@code p} to end and returns its exit status. */
    int await(Process p) throws InterruptedException {
        int status = p.waitFor();
        synchronized (this) {
            if (live == p) {
                live = null;
            }
        }
        return status;
    }

    /** Runs {@code write} unless the session is closing: an interrupted run then writes nothing more. */
    synchronized void write(Write write) throws IOException {
        if (closed) {
            throw new IOException("the run is ending; nothing written");
        }
        write.run();
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook is doing the same clean-up.
        }
    }

    private synchronized void cleanUp() {
        if (closed) {
            return;
        }
        closed = true;
        if (live != null) {
            List<ProcessHandle> left = ProcessTree.kill(live.toHandle(), KILL_BOUND);
            if (!left.isEmpty()) {
                System.err.println("python: could not end Python processes " + left.stream().map(p -> Long.toString(p.pid())).toList());
            }
        }
        try {
            TempDirs.delete(dir);
        } catch (UncheckedIOException e) {
            System.err.println("python: " + e.getMessage());
        }
    }
}
