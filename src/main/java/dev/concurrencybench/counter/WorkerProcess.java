package dev.concurrencybench.counter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One counter worker JVM and its line protocol. Its stderr is merged into stdout, and a reader
 * thread drains every line (so the child never blocks on a full pipe), keeping protocol lines for
 * {@link #await} and anything else (JVM warnings, stack traces) for error messages.
 */
final class WorkerProcess implements AutoCloseable {

    private static final String EOF = "\u0000eof";

    private final int index;
    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> other = new ArrayList<>();
    private final Thread reader;

    WorkerProcess(int index, List<String> command) throws IOException {
        this.index = index;
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.reader = Thread.ofPlatform().name("counter-worker-" + index + "-out").daemon(true).start(this::drain);
    }

    private void drain() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("ready") || line.startsWith("gap ") || line.startsWith("done ") || line.startsWith("error ")) {
                    lines.add(line);
                } else {
                    synchronized (other) {
                        other.add(line);
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed; its pipe is gone.
        } finally {
            lines.add(EOF);
        }
    }

    long pid() {
        return process.pid();
    }

    void send(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    /** The next protocol line, which must start with {@code word}; fails on error, exit or after {@code bound}. */
    String await(String word, Duration bound) throws InterruptedException {
        String line = lines.poll(bound.toNanos(), TimeUnit.NANOSECONDS);
        if (line == null) {
            throw new IllegalStateException(this + " sent no '" + word + "' within " + bound + detail());
        }
        if (line.equals(EOF)) {
            lines.add(EOF);
            throw new IllegalStateException(this + " exited before '" + word + "'" + exitDetail());
        }
        if (!line.startsWith(word)) {
            throw new IllegalStateException(this + " sent '" + line + "' instead of '" + word + "'" + detail());
        }
        return line;
    }

    /** Kills the JVM at once (SIGKILL on Unix) and waits until it is gone; returns its exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** Asks it to exit (stdin closed), and kills it if it has not within {@code bound}. */
    @Override
    public void close() {
        try {
            try {
                stdin.close();
            } catch (IOException e) {
                // Already dead: nothing to tell it.
            }
            if (!process.waitFor(ThreadCounters.BOUND.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            reader.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String exitDetail() throws InterruptedException {
        boolean ended = process.waitFor(10, TimeUnit.SECONDS);
        return (ended ? " with code " + process.exitValue() : "") + detail();
    }

    private String detail() {
        synchronized (other) {
            return other.isEmpty() ? "" : ": " + String.join(" | ", other);
        }
    }

    @Override
    public String toString() {
        return "counter worker " + index + " (pid " + process.pid() + ")";
    }
}
